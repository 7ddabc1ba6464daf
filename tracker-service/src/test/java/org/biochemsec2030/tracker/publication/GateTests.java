package org.biochemsec2030.tracker.publication;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GateTests {

	private static final String TEXT = "A reviewed public summary.";

	@Test
	void anAssessedDevelopmentWithoutTheFlagIsPublishedWithItsOwnSummary() {
		Gate.State state = state(Gate.DRAFT, false, "", null, 1);
		assertThat(Gate.refusalsToPublish(state)).isEmpty();
		assertThat(Gate.publicText(state)).isEqualTo("Analysts' summary with detail.");
		assertThat(Gate.detailIsPublic(state)).isTrue();
	}

	@Test
	void nothingUnassessedIsPublishedNorAnythingTwice() {
		assertThat(Gate.refusalsToPublish(state(Gate.DRAFT, false, "", null, 0))).singleElement()
			.asString()
			.contains("Assess it first");
		assertThat(Gate.refusalsToPublish(state(Gate.PUBLISHED, false, "", null, 1))).singleElement()
			.asString()
			.contains("published already");
	}

	@Test
	void aFlaggedDevelopmentNeedsAPublicSummaryReviewedAsItStands() {
		assertThat(Gate.refusalsToPublish(state(Gate.DRAFT, true, "", null, 1))).singleElement()
			.asString()
			.contains("Write a public summary");
		assertThat(Gate.refusalsToPublish(state(Gate.DRAFT, true, TEXT, null, 1))).singleElement()
			.asString()
			.contains("second analyst");
		assertThat(Gate.refusalsToPublish(state(Gate.DRAFT, true, TEXT + " Edited.", TEXT, 1))).singleElement()
			.asString()
			.contains("as it is now");
		assertThat(Gate.refusalsToPublish(state(Gate.DRAFT, true, TEXT, TEXT, 1))).isEmpty();
	}

	@Test
	void aFlaggedDevelopmentShowsOnlyTheReviewedTextAndNoDetail() {
		Gate.State edited = state(Gate.PUBLISHED, true, "Unreviewed edit.", TEXT, 1);
		assertThat(Gate.publicText(edited)).isEqualTo(TEXT);
		assertThat(Gate.detailIsPublic(edited)).isFalse();
		assertThat(Gate.publicText(state(Gate.PUBLISHED, true, "Never reviewed.", null, 1))).isEmpty();
	}

	@Test
	void theAuthorOfThePublicSummaryCannotReviewIt() {
		Gate.State written = state(Gate.DRAFT, true, TEXT, null, 1);
		assertThat(Gate.refusalToReview(written, "author")).contains("you wrote it");
		assertThat(Gate.refusalToReview(written, "second")).isNull();
		assertThat(Gate.refusalToReview(state(Gate.DRAFT, true, "", null, 1), "second")).contains("no public summary");
		assertThat(Gate.refusalToReview(state(Gate.DRAFT, true, TEXT, TEXT, 1), "second")).contains("already");
	}

	@Test
	void flaggingAPublishedDevelopmentWithdrawsItUnlessItsSummaryIsReviewed() {
		assertThat(Gate.flaggingWithdraws(state(Gate.PUBLISHED, true, "", null, 1))).isTrue();
		assertThat(Gate.flaggingWithdraws(state(Gate.PUBLISHED, true, TEXT, TEXT, 1))).isFalse();
		assertThat(Gate.flaggingWithdraws(state(Gate.DRAFT, true, "", null, 1))).isFalse();
	}

	private static Gate.State state(String status, boolean hazard, String publicSummary, String reviewed,
			int assessors) {
		return new Gate.State(status, hazard, "Analysts' summary with detail.", publicSummary, "author", reviewed,
				assessors);
	}

}
