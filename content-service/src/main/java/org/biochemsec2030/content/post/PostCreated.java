package org.biochemsec2030.content.post;

import org.biochemsec2030.content.support.Status;

/** The answer to a new post: its id, the slug made from its title and its state. */
public record PostCreated(String id, String slug, String url, Status status) {

}
