package org.biochemsec2030.content.micro;

import java.time.Instant;
import java.util.List;

import org.biochemsec2030.content.support.Status;

/** A mini-post as editors see it, with its workflow state. */
public record EditorialMicroPost(String id, String url, Status status, String text, String html, String replyTo,
		List<String> topics, List<String> tags, Instant scheduledAt, Instant publishedAt, Instant updatedAt,
		String announces) {

}
