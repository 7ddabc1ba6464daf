package org.biochemsec2030.contracts.content;

import java.time.Instant;
import java.util.List;

import org.biochemsec2030.contracts.EventContract;

/**
 * A public blog post changed; carries the whole public state so consumers need no call
 * back.
 */
public record PostUpdated(String postId, String slug, String title, String summary, String url, List<String> topics,
		Instant updatedAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.content.post.updated.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return postId;
	}

}
