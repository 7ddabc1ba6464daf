package org.biochemsec2030.contracts.content;

import java.time.Instant;

import org.biochemsec2030.contracts.EventContract;

/** A blog post is no longer public: consumers drop their copies. */
public record PostUnpublished(String postId, String slug, Instant unpublishedAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.content.post.unpublished.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return postId;
	}

}
