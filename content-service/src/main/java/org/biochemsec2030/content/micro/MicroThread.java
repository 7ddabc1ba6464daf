package org.biochemsec2030.content.micro;

import java.util.List;

/** A published mini-post with its published replies, oldest first. */
public record MicroThread(MicroPostView post, List<MicroPostView> replies) {

}
