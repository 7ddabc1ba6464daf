package org.biochemsec2030.contracts.publishing;

import java.time.Instant;
import java.util.List;

import org.biochemsec2030.contracts.EventContract;

/**
 * A briefing paper became public, e.g. for a BWC or CWC Meeting of States Parties. Public
 * data only: it goes to partners as it is.
 */
public record PaperPublished(String paperId, String title, String summary, String url, String series,
		List<String> topics, List<String> regimes, Instant publishedAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.publishing.paper.published.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return paperId;
	}

}
