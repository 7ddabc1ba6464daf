package org.biochemsec2030.contracts.publishing;

import java.time.Instant;

import org.biochemsec2030.contracts.EventContract;

/**
 * The review accepted a paper's version; the dual-use review comes next. Internal: not
 * for partners.
 */
public record PaperApproved(String paperId, int version, String title, int round,
		Instant approvedAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.publishing.paper.approved.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return paperId;
	}

}
