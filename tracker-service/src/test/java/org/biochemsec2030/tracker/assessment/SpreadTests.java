package org.biochemsec2030.tracker.assessment;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadTests {

	@Test
	void analystsWhoAgreeShowNoDissent() {
		Spread spread = Spread
			.of(List.of(Assessments.by("ana", 6, 3, 4, "synthetic-biology", List.of("BWC"), List.of("risk")),
					Assessments.by("ben", 7, 4, 4, "synthetic-biology", List.of("BWC"), List.of("risk"))));
		assertThat(spread.assessors()).isEqualTo(2);
		assertThat(spread.trl().min()).isEqualTo(6);
		assertThat(spread.trl().max()).isEqualTo(7);
		assertThat(spread.trl().values()).containsEntry("ana", 6).containsEntry("ben", 7);
		assertThat(spread.fields()).containsOnlyKeys("synthetic-biology");
		assertThat(spread.dissent()).isEmpty();
	}

	@Test
	void farApartScalesAreDissentNotAnAverage() {
		Spread spread = Spread
			.of(List.of(Assessments.by("ana", 2, 1, 2, "synthetic-biology", List.of("BWC"), List.of("risk")),
					Assessments.by("ben", 8, 4, 3, "synthetic-biology", List.of("BWC"), List.of("risk"))));
		assertThat(spread.trl().min()).isEqualTo(2);
		assertThat(spread.trl().max()).isEqualTo(8);
		assertThat(spread.dissent()).containsExactly("They disagree on maturity (TRL): from 2 to 8 (ana 2, ben 8).",
				"They disagree on likelihood: from 1 to 4 (ana 1, ben 4).");
	}

	@Test
	void theThresholdsAreWhereTheScalesStartToDisagree() {
		Spread close = Spread.of(List.of(Assessments.by("ana", 4, 2, 2, "synthetic-biology", List.of(), List.of()),
				Assessments.by("ben", 6, 3, 3, "synthetic-biology", List.of(), List.of())));
		assertThat(close.dissent()).isEmpty();
		Spread apart = Spread.of(List.of(Assessments.by("ana", 4, 2, 2, "synthetic-biology", List.of(), List.of()),
				Assessments.by("ben", 7, 2, 4, "synthetic-biology", List.of(), List.of())));
		assertThat(apart.dissent()).hasSize(2);
	}

	@Test
	void choicesOnlySomeMadeAreDissentNamingWhoMadeThem() {
		Spread spread = Spread
			.of(List.of(Assessments.by("ana", 5, 3, 3, "synthetic-biology", List.of("BWC", "1540"), List.of("risk")),
					Assessments.by("ben", 5, 3, 3, "ai-enabled-design", List.of("BWC"),
							List.of("risk", "verification-opportunity"))));
		assertThat(spread.regimes()).containsEntry("BWC", List.of("ana", "ben")).containsEntry("1540", List.of("ana"));
		assertThat(spread.dissent()).containsExactly(
				"They place it in different fields: synthetic-biology (ana); ai-enabled-design (ben).",
				"Only ana judged it relevant to 1540.", "Only ben saw verification-opportunity as an implication.");
	}

	@Test
	void oneAnalystOrNoneIsNoDisagreement() {
		assertThat(Spread.of(List.of()).dissent()).isEmpty();
		assertThat(Spread.of(List.of()).assessors()).isZero();
		assertThat(
				Spread.of(List.of(Assessments.by("ana", 1, 1, 1, "synthetic-biology", List.of("BWC"), List.of("risk"))))
					.dissent())
			.isEmpty();
	}

}
