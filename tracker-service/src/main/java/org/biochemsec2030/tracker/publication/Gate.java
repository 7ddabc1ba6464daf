package org.biochemsec2030.tracker.publication;

import java.util.ArrayList;
import java.util.List;

/**
 * The publication workflow and the information-hazard gate, stated once. A development is
 * a draft or published; it is published from a draft and withdrawn back to one. What may
 * go public depends on the hazard flag: without it, the analysts' text and evidence are
 * public; with it, only a public summary that a second analyst reviewed, exactly as
 * reviewed.
 */
final class Gate {

	static final String DRAFT = "draft";

	static final String PUBLISHED = "published";

	static final int MAX_PUBLIC_SUMMARY = 1000;

	private Gate() {
	}

	/**
	 * A development as the gate sees it.
	 *
	 * @param summary the analysts' own summary (may hold technical detail)
	 * @param publicSummary the public summary being written
	 * @param publicSummaryBy who last wrote it
	 * @param reviewedSummary the public summary as a second analyst reviewed it, or null
	 * @param assessors how many analysts have assessed it
	 */
	record State(String status, boolean hazard, String summary, String publicSummary, String publicSummaryBy,
			String reviewedSummary, int assessors) {

		boolean published() {
			return PUBLISHED.equals(this.status);
		}

		/** The public summary as written was reviewed; no edit waits for review. */
		boolean reviewed() {
			return this.reviewedSummary != null && !this.publicSummary.isBlank()
					&& this.reviewedSummary.equals(this.publicSummary);
		}

	}

	/** Why the development cannot be published now; empty when it can. */
	static List<String> refusalsToPublish(State state) {
		List<String> refusals = new ArrayList<>();
		if (state.published()) {
			refusals.add("It is published already.");
			return refusals;
		}
		if (state.assessors() == 0) {
			refusals.add("Assess it first: a development is published with at least one assessment.");
		}
		if (state.hazard()) {
			if (state.publicSummary().isBlank()) {
				refusals.add("Write a public summary: it is flagged as an information hazard, so readers see"
						+ " only that summary.");
			}
			else if (!state.reviewed()) {
				refusals.add("Have a second analyst review the public summary as it is now.");
			}
		}
		else if (state.publicSummary().isBlank() && state.summary().isBlank()) {
			refusals.add("Write a summary readers can see.");
		}
		return refusals;
	}

	/** Why {@code reviewer} cannot review the public summary now; null when they can. */
	static String refusalToReview(State state, String reviewer) {
		if (state.publicSummary().isBlank()) {
			return "There is no public summary to review yet.";
		}
		if (reviewer.equals(state.publicSummaryBy())) {
			return "A second analyst reviews the public summary: you wrote it.";
		}
		if (state.reviewed()) {
			return "This public summary has been reviewed already.";
		}
		return null;
	}

	/** Whether a change of the hazard flag takes a published development off the site. */
	static boolean flaggingWithdraws(State state) {
		return state.published() && !state.reviewed();
	}

	/** The summary readers see. */
	static String publicText(State state) {
		if (state.hazard()) {
			return (state.reviewedSummary() != null) ? state.reviewedSummary() : "";
		}
		return state.publicSummary().isBlank() ? state.summary() : state.publicSummary();
	}

	/**
	 * Whether readers may see technical detail: the analysts' summary, their rationale
	 * and measures, and the items the assessment rests on (whose titles can say as much).
	 */
	static boolean detailIsPublic(State state) {
		return !state.hazard();
	}

}
