package org.biochemsec2030.contracts.content;

import java.time.Instant;
import java.util.List;

import org.biochemsec2030.contracts.EventContract;

/** A mini-blog post became public. */
public record MicroPostPublished(String microPostId, String text, String url, List<String> topics,
		Instant publishedAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.content.micropost.published.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return microPostId;
	}

}
