package org.biochemsec2030.publishing.paper;

/** Where a paper's working version stands in the editorial workflow ({@link Step}). */
public enum PaperState {

	DRAFT, SUBMITTED, IN_REVIEW, REVISIONS, APPROVED, CLEARED, SCHEDULED, PUBLISHED, WITHDRAWN;

	/** How people say it: "in review", "waiting for revisions". */
	public String label() {
		return switch (this) {
			case IN_REVIEW -> "in review";
			case REVISIONS -> "waiting for revisions";
			case CLEARED -> "cleared by the dual-use review";
			default -> name().toLowerCase(java.util.Locale.ROOT);
		};
	}

}
