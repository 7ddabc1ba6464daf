package org.biochemsec2030.tracker.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.platform.taxonomy.Taxonomy;
import org.biochemsec2030.platform.taxonomy.Topic;
import org.biochemsec2030.tracker.support.InvalidInput;

/**
 * What readers filter published developments by; every part optional. A development
 * matches a maturity band when any analyst's TRL is in it: analysts may disagree, and a
 * reader looking for near-deployment work should find one that some judge close to it.
 *
 * @param field a topic slug
 * @param regime a regime code
 * @param maturity research (TRL 1–3), development (4–6) or deployment (7–9)
 * @param implication an implication key
 */
public record PublicFilter(String field, String regime, String maturity, String implication) {

	static final PublicFilter NONE = new PublicFilter(null, null, null, null);

	static PublicFilter of(String field, String regime, String maturity, String implication) {
		List<InvalidInput.FieldProblem> problems = new ArrayList<>();
		String topic = null;
		if (given(field)) {
			topic = Topic.bySlug(field).map(Topic::slug).orElse(null);
			if (topic == null) {
				problems.add(new InvalidInput.FieldProblem("field",
						"'" + Taxonomy.shownValue(field) + "' is not a field; use one of " + Taxonomy.TOPIC_CHOICES));
			}
		}
		String code = null;
		if (given(regime)) {
			code = Regime.byCode(regime).map(Regime::code).orElse(null);
			if (code == null) {
				problems.add(new InvalidInput.FieldProblem("regime", "'" + Taxonomy.shownValue(regime)
						+ "' is not a regime; use one of " + Taxonomy.REGIME_CHOICES));
			}
		}
		String band = given(maturity) ? maturity.strip().toLowerCase(Locale.ROOT) : null;
		if (band != null && Band.of(band) == null) {
			problems.add(new InvalidInput.FieldProblem("maturity", "use research, development or deployment"));
		}
		String wanted = given(implication) ? implication.strip().toLowerCase(Locale.ROOT) : null;
		if (wanted != null && Labels.implication(wanted) == null) {
			problems.add(new InvalidInput.FieldProblem("implication",
					"use risk, benefit, verification-opportunity or governance-need"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new PublicFilter(topic, code, band, wanted);
	}

	boolean matches(PublicDevelopment development) {
		return (this.field == null || development.fields().contains(this.field))
				&& (this.regime == null || development.regimes().contains(this.regime))
				&& (this.implication == null || development.implications().contains(this.implication))
				&& (this.maturity == null || Band.of(this.maturity).overlaps(development.maturity()));
	}

	private static boolean given(String value) {
		return value != null && !value.isBlank();
	}

	/** The maturity bands readers choose from. */
	public enum Band {

		RESEARCH(1, 3), DEVELOPMENT(4, 6), DEPLOYMENT(7, 9);

		private final int from;

		private final int to;

		Band(int from, int to) {
			this.from = from;
			this.to = to;
		}

		static Band of(String key) {
			for (Band band : values()) {
				if (band.name().toLowerCase(Locale.ROOT).equals(key)) {
					return band;
				}
			}
			return null;
		}

		boolean overlaps(PublicDevelopment.Maturity maturity) {
			return maturity.min() <= this.to && maturity.max() >= this.from;
		}

	}

}
