package org.biochemsec2030.contracts.publishing;

import java.time.Instant;

import org.biochemsec2030.contracts.EventContract;

/**
 * A paper's version went to the editors (first submission or after revisions). Internal:
 * not for partners.
 */
public record PaperSubmitted(String paperId, int version, String title, Instant submittedAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.publishing.paper.submitted.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return paperId;
	}

}
