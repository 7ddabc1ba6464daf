package org.biochemsec2030.contracts.content;

import java.time.Instant;
import java.util.List;

import org.biochemsec2030.contracts.EventContract;

/** A public mini-blog post changed; carries its whole public state. */
public record MicroPostUpdated(String microPostId, String text, String url, List<String> topics,
		Instant updatedAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.content.micropost.updated.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return microPostId;
	}

}
