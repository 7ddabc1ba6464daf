package org.biochemsec2030.contracts.content;

import java.time.Instant;

import org.biochemsec2030.contracts.EventContract;

/** A mini-blog post is no longer public. */
public record MicroPostUnpublished(String microPostId, Instant unpublishedAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.content.micropost.unpublished.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return microPostId;
	}

}
