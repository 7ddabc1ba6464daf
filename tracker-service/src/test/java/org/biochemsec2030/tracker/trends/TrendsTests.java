package org.biochemsec2030.tracker.trends;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrendsTests {

	private static Tracked tracked(String at, Set<String> fields, Set<String> regimes, Set<Integer> trls) {
		return new Tracked(UUID.randomUUID(), Instant.parse(at), fields, regimes, trls);
	}

	private static final List<Tracked> DEVELOPMENTS = List.of(
			tracked("2025-11-20T10:00:00Z", Set.of("genome-editing"), Set.of("BWC"), Set.of(3)),
			// Two analysts disagree on field and maturity: counted in both fields and
			// bands.
			tracked("2026-02-01T00:00:00Z", Set.of("genome-editing", "synthetic-biology"), Set.of("BWC", "1540"),
					Set.of(2, 8)),
			tracked("2026-03-31T23:59:59Z", Set.of("chemical-synthesis"), Set.of("CWC"), Set.of(5)),
			// Nothing in 2026 Q2: the quarter still has its column.
			tracked("2026-07-01T00:00:00Z", Set.of("genome-editing"), Set.of("BWC"), Set.of(6)));

	@Test
	void countsDevelopmentsPerFieldInEveryQuarterFromTheFirstToTheLast() {
		Series fields = Trends.of(DEVELOPMENTS).fieldsByQuarter();
		assertThat(fields.columns()).containsExactly("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3");
		assertThat(fields.columnLabels()).containsExactly("Q4 2025", "Q1 2026", "Q2 2026", "Q3 2026");
		assertThat(row(fields, "genome-editing").counts()).containsExactly(1, 1, 0, 1);
		assertThat(row(fields, "synthetic-biology").counts()).containsExactly(0, 1, 0, 0);
		assertThat(row(fields, "chemical-synthesis").counts()).containsExactly(0, 1, 0, 0);
		assertThat(row(fields, "delivery-systems").counts()).containsExactly(0, 0, 0, 0);
		assertThat(fields.rows()).hasSize(7);
	}

	@Test
	void countsDevelopmentsPerRegimeAndFieldForTheHeatMap() {
		Series heat = Trends.of(DEVELOPMENTS).regimesByField();
		assertThat(heat.rows()).extracting(Series.Row::key).containsExactly("BWC", "CWC", "1540", "2118");
		assertThat(heat.columns()).startsWith("genome-editing", "synthetic-biology", "chemical-synthesis");
		assertThat(row(heat, "BWC").counts()).startsWith(3, 1, 0);
		assertThat(row(heat, "CWC").counts()).startsWith(0, 0, 1);
		assertThat(row(heat, "1540").counts()).startsWith(1, 1, 0);
		assertThat(row(heat, "2118").total()).isZero();
	}

	@Test
	void countsMaturityBandsPerQuarterWithEveryAnalystsTrl() {
		Series maturity = Trends.of(DEVELOPMENTS).maturityByQuarter();
		assertThat(maturity.rows()).extracting(Series.Row::key)
			.containsExactly("research", "development", "deployment");
		assertThat(row(maturity, "research").counts()).containsExactly(1, 1, 0, 0);
		assertThat(row(maturity, "development").counts()).containsExactly(0, 1, 0, 1);
		assertThat(row(maturity, "deployment").counts()).containsExactly(0, 1, 0, 0);
	}

	@Test
	void withNothingPublishedEverySeriesIsEmptyButKeepsItsRows() {
		Trends trends = Trends.of(List.of());
		assertThat(trends.all()).allSatisfy(series -> assertThat(series.isEmpty()).isTrue());
		assertThat(trends.fieldsByQuarter().columns()).isEmpty();
		assertThat(trends.regimesByField().rows()).hasSize(4);
	}

	@Test
	void quartersAreCalendarQuartersInUtc() {
		assertThat(Quarter.of(Instant.parse("2026-03-31T23:59:59Z"))).isEqualTo(new Quarter(2026, 1));
		assertThat(Quarter.of(Instant.parse("2026-04-01T00:00:00Z"))).isEqualTo(new Quarter(2026, 2));
		assertThat(Quarter.range(new Quarter(2025, 3), new Quarter(2026, 1))).extracting(Quarter::key)
			.containsExactly("2025-Q3", "2025-Q4", "2026-Q1");
	}

	@Test
	void writesASeriesAsCsvWithAHeaderAndALinePerRow() {
		String csv = Trends.of(DEVELOPMENTS).maturityByQuarter().csv();
		assertThat(csv.split("\r\n")).containsExactly("key,label,2025-Q4,2026-Q1,2026-Q2,2026-Q3",
				"research,Research (TRL 1–3),1,1,0,0", "development,Development (TRL 4–6),0,1,0,1",
				"deployment,Deployment (TRL 7–9),0,1,0,0");
	}

	static Series.Row row(Series series, String key) {
		return series.rows().stream().filter(row -> row.key().equals(key)).findFirst().orElseThrow();
	}

}
