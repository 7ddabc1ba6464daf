package org.biochemsec2030.content.micro;

import org.biochemsec2030.content.support.Status;

public record MicroPostCreated(String id, String url, Status status) {

}
