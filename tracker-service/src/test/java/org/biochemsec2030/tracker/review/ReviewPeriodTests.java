package org.biochemsec2030.tracker.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.tracker.publication.PublicDevelopment;
import org.biochemsec2030.tracker.support.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReviewPeriodTests {

	@Test
	void aPeriodIsAddressedByItsRegimeAndItsDaysAlone() {
		ReviewPeriod period = ReviewPeriod.of("bwc", "2026-01-01", " 2026-06-30 ");
		assertThat(period.regime()).isEqualTo(Regime.BWC);
		assertThat(period.id()).isEqualTo("BWC-2026-01-01-2026-06-30");
		assertThat(period.path()).isEqualTo("/tracker/review/BWC/2026-01-01/2026-06-30");
		assertThat(period.start()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(period.end()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
	}

	@Test
	void oneDayIsAPeriod() {
		assertThat(ReviewPeriod.of("1540", "2026-02-03", "2026-02-03").id()).isEqualTo("1540-2026-02-03-2026-02-03");
	}

	@Test
	void namesEveryFieldThatCannotBeUsed() {
		InvalidInput problems = catchThrowableOfType(InvalidInput.class,
				() -> ReviewPeriod.of("NPT", "2026-13-01", ""));
		assertThat(problems.problems()).extracting(InvalidInput.FieldProblem::field)
			.containsExactly("regime", "from", "to");
		assertThat(problems.problems().getFirst().message()).contains("'NPT' is not a regime");
		assertThat(problems.problems().get(1).message()).contains("is not a date; write it as YYYY-MM-DD");
	}

	@Test
	void refusesAPeriodThatEndsBeforeItStarts() {
		InvalidInput problems = catchThrowableOfType(InvalidInput.class,
				() -> ReviewPeriod.of("CWC", "2026-06-30", "2026-01-01"));
		assertThat(problems.problems()).singleElement()
			.satisfies(problem -> assertThat(problem.field()).isEqualTo("to"));
	}

	@Test
	void writesAFormulaInAFeedTitleAsTextInTheCsv() {
		Review.Entry entry = new Review.Entry(UUID.fromString("6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"), "slug",
				"=HYPERLINK(\"x\")", "https://site.example/tracker/slug", "https://site.example/r#slug",
				LocalDate.parse("2026-02-01"), Instant.parse("2026-02-02T00:00:00Z"),
				Instant.parse("2026-02-02T00:00:00Z"), "Two, words", List.of("genome-editing", "synthetic-biology"),
				List.of("BWC"), List.of("risk"), new PublicDevelopment.Maturity(3, 5), 2, List.of(), List.of(),
				List.of(), List.of(), "cite");
		Review review = new Review("BWC-2026-01-01-2026-06-30", "Title", "BWC", "Biological Weapons Convention",
				LocalDate.parse("2026-01-01"), LocalDate.parse("2026-06-30"), "u", "u.csv", "u.json", "cite",
				List.of(entry));
		String[] lines = review.asCsv().split("\r\n");
		assertThat(lines[0]).startsWith("id,title,url,reported_on,");
		assertThat(lines[1]).startsWith("6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b,\"'=HYPERLINK(\"\"x\"\")\",")
			.contains(",genome-editing | synthetic-biology,BWC,risk,3,5,2,\"Two, words\",");
	}

}
