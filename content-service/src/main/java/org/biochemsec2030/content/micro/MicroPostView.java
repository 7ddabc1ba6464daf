package org.biochemsec2030.content.micro;

import java.time.Instant;
import java.util.List;

/** A published mini-post as readers see it. */
public record MicroPostView(String id, String text, String html, String url, Instant publishedAt, String replyTo,
		List<String> topics, List<String> tags) {

}
