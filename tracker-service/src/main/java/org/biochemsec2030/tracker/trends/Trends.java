package org.biochemsec2030.tracker.trends;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.platform.taxonomy.Topic;

/**
 * The three series of the trends page, counted from published developments. Every field,
 * regime and band of the taxonomy has its row and every quarter from the first to the
 * last with a development has its column, zeros included: a gap is part of a trend.
 *
 * @param fieldsByQuarter developments per field per quarter
 * @param regimesByField developments per regime and field (the heat map)
 * @param maturityByQuarter developments per maturity band per quarter
 */
public record Trends(Series fieldsByQuarter, Series regimesByField, Series maturityByQuarter) {

	static final String FIELDS_BY_QUARTER = "fields-by-quarter";

	static final String REGIMES_BY_FIELD = "regimes-by-field";

	static final String MATURITY_BY_QUARTER = "maturity-by-quarter";

	/** The maturity bands readers filter by on /tracker, with the TRLs each spans. */
	enum Band {

		RESEARCH("research", "Research (TRL 1–3)", 1, 3), DEVELOPMENT("development", "Development (TRL 4–6)", 4, 6),
		DEPLOYMENT("deployment", "Deployment (TRL 7–9)", 7, 9);

		final String key;

		final String label;

		final int from;

		final int to;

		Band(String key, String label, int from, int to) {
			this.key = key;
			this.label = label;
			this.from = from;
			this.to = to;
		}

		boolean holdsAny(Tracked development) {
			return development.trls().stream().anyMatch(trl -> trl >= this.from && trl <= this.to);
		}

	}

	static Trends of(List<Tracked> developments) {
		List<Quarter> quarters = quarters(developments);
		List<String> quarterKeys = quarters.stream().map(Quarter::key).toList();
		List<String> quarterLabels = quarters.stream().map(q -> "Q" + q.quarter() + " " + q.year()).toList();
		List<Topic> topics = List.of(Topic.values());

		Series fields = new Series(FIELDS_BY_QUARTER, "Developments per field per quarter",
				"How many published developments each field had in each quarter, by when a source first reported"
						+ " them. A development analysts place in two fields counts in both.",
				"Field", quarterKeys, quarterLabels,
				rows(topics, Topic::slug, Topic::label, quarters, developments,
						(topic, quarter) -> d -> d.fields().contains(topic.slug())
								&& Quarter.of(d.reportedAt()).equals(quarter)));

		Series heat = new Series(REGIMES_BY_FIELD, "Regimes and fields",
				"How many published developments in each field analysts judged relevant to each regime.", "Regime",
				topics.stream().map(Topic::slug).toList(), topics.stream().map(Topic::label).toList(),
				rows(List.of(Regime.values()), Regime::code, Regime::label, topics, developments, (regime,
						topic) -> d -> d.regimes().contains(regime.code()) && d.fields().contains(topic.slug())));

		Series maturity = new Series(MATURITY_BY_QUARTER, "Maturity over time",
				"How many published developments of each quarter were at each stage of maturity. A development"
						+ " whose analysts give TRLs in two bands counts in both.",
				"Maturity", quarterKeys, quarterLabels,
				rows(Arrays.asList(Band.values()), band -> band.key, band -> band.label, quarters, developments,
						(band, quarter) -> d -> band.holdsAny(d) && Quarter.of(d.reportedAt()).equals(quarter)));
		return new Trends(fields, heat, maturity);
	}

	List<Series> all() {
		return List.of(this.fieldsByQuarter, this.regimesByField, this.maturityByQuarter);
	}

	private static List<Quarter> quarters(List<Tracked> developments) {
		List<Quarter> seen = developments.stream().map(d -> Quarter.of(d.reportedAt())).sorted().toList();
		return seen.isEmpty() ? List.of() : Quarter.range(seen.getFirst(), seen.getLast());
	}

	/**
	 * A row per {@code R}, a count per {@code C}: the developments that {@code counts}.
	 */
	private static <R, C> List<Series.Row> rows(List<R> rows, Function<R, String> key, Function<R, String> label,
			List<C> columns, List<Tracked> developments, BiFunction<R, C, Predicate<Tracked>> counts) {
		List<Series.Row> result = new ArrayList<>();
		for (R row : rows) {
			List<Integer> cells = new ArrayList<>();
			for (C column : columns) {
				cells.add((int) developments.stream().filter(counts.apply(row, column)).count());
			}
			result.add(new Series.Row(key.apply(row), label.apply(row), cells));
		}
		return result;
	}

}
