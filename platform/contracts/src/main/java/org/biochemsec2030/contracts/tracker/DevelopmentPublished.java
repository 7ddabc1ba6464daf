package org.biochemsec2030.contracts.tracker;

import java.time.Instant;
import java.util.List;

import org.biochemsec2030.contracts.EventContract;

/**
 * An assessed science-and-technology development was published on the tracker. Public
 * data only: the assessment's internal notes stay in the tracker.
 */
public record DevelopmentPublished(String developmentId, String title, String summary, String url, List<String> topics,
		List<String> regimes, Instant publishedAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.tracker.development.published.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return developmentId;
	}

}
