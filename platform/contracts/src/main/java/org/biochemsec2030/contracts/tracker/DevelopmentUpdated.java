package org.biochemsec2030.contracts.tracker;

import java.time.Instant;
import java.util.List;

import org.biochemsec2030.contracts.EventContract;

/**
 * A published development changed (its text, its reviewed public summary, its
 * assessments): the whole public state, so consumers need no call back. Public data only.
 */
public record DevelopmentUpdated(String developmentId, String title, String summary, String url, List<String> topics,
		List<String> regimes, Instant publishedAt, Instant updatedAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.tracker.development.updated.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return developmentId;
	}

}
