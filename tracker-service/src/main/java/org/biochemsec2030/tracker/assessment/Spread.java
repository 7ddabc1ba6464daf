package org.biochemsec2030.tracker.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * How the analysts' current assessments of one development compare: for every scale its
 * range and each analyst's value, for every choice who chose what, and where they
 * disagree. There is deliberately no average: two analysts at TRL 2 and 8 do not make a
 * TRL 5, and readers should see that they disagree and why.
 *
 * @param assessors how many analysts have assessed it
 * @param trl, likelihood, impact each scale's range and values
 * @param fields, confidence who chose which value
 * @param regimes, implications for each value, who named it
 * @param dissent one sentence per disagreement
 */
public record Spread(int assessors, Scale trl, Scale likelihood, Scale impact, Map<String, List<String>> fields,
		Map<String, List<String>> confidence, Map<String, List<String>> regimes, Map<String, List<String>> implications,
		List<String> dissent) {

	/** A range on a scale apart at least this much is a disagreement (TRL: 1 to 9). */
	static final int TRL_DISSENT = 3;

	/** The same on the five-point scales of likelihood and impact. */
	static final int SCALE_DISSENT = 2;

	/**
	 * One scale across analysts.
	 *
	 * @param values each analyst's value, by name
	 */
	public record Scale(int min, int max, Map<String, Integer> values) {
	}

	/** The spread of the latest version of each analyst's assessment. */
	public static Spread of(List<Assessment> current) {
		List<String> dissent = new ArrayList<>();
		Scale trl = scale(current, Assessment::trl, "maturity (TRL)", TRL_DISSENT, dissent);
		Scale likelihood = scale(current, Assessment::likelihood, "likelihood", SCALE_DISSENT, dissent);
		Scale impact = scale(current, Assessment::impact, "impact", SCALE_DISSENT, dissent);
		Map<String, List<String>> fields = choices(current, a -> List.of(a.field()));
		if (fields.size() > 1) {
			dissent.add("They place it in different fields: " + who(fields) + ".");
		}
		Map<String, List<String>> confidence = choices(current, a -> List.of(a.confidence()));
		Map<String, List<String>> regimes = choices(current, Assessment::regimes);
		partial(regimes, current.size(), (names, regime) -> "Only " + names + " judged it relevant to " + regime + ".",
				dissent);
		Map<String, List<String>> implications = choices(current, Assessment::implications);
		partial(implications, current.size(),
				(names, implication) -> "Only " + names + " saw " + implication + " as an implication.", dissent);
		return new Spread(current.size(), trl, likelihood, impact, fields, confidence, regimes, implications,
				List.copyOf(dissent));
	}

	/**
	 * Where the analysts disagree, said without naming them: what readers of a published
	 * development see.
	 */
	public List<String> unnamed() {
		List<String> sentences = new ArrayList<>();
		unnamed(sentences, "maturity", this.trl, TRL_DISSENT, "TRL ");
		unnamed(sentences, "likelihood", this.likelihood, SCALE_DISSENT, "");
		unnamed(sentences, "impact", this.impact, SCALE_DISSENT, "");
		if (this.fields.size() > 1) {
			sentences.add("Analysts place it in different fields.");
		}
		this.regimes.forEach((regime, names) -> {
			if (names.size() < this.assessors) {
				sentences.add("Not all analysts judged it relevant to " + regime + ".");
			}
		});
		return List.copyOf(sentences);
	}

	private static void unnamed(List<String> sentences, String name, Scale scale, int apart, String unit) {
		if (scale.max() - scale.min() >= apart) {
			sentences.add("Analysts disagree on " + name + ": from " + unit + scale.min() + " to " + unit + scale.max()
					+ ".");
		}
	}

	private static Scale scale(List<Assessment> current, ToIntFunction<Assessment> value, String name, int apart,
			List<String> dissent) {
		if (current.isEmpty()) {
			return new Scale(0, 0, Map.of());
		}
		Map<String, Integer> values = new LinkedHashMap<>();
		current.forEach(a -> values.put(a.assessorName(), value.applyAsInt(a)));
		int min = values.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
		int max = values.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
		if (max - min >= apart) {
			dissent.add("They disagree on " + name + ": from " + min + " to " + max + " ("
					+ String.join(", ", values.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList())
					+ ").");
		}
		return new Scale(min, max, Map.copyOf(values));
	}

	/** For each value, the analysts who chose it, in the order of their assessments. */
	private static Map<String, List<String>> choices(List<Assessment> current,
			Function<Assessment, List<String>> chosen) {
		Map<String, Set<String>> by = new LinkedHashMap<>();
		for (Assessment assessment : current) {
			for (String value : chosen.apply(assessment)) {
				by.computeIfAbsent(value, v -> new LinkedHashSet<>()).add(assessment.assessorName());
			}
		}
		Map<String, List<String>> result = new LinkedHashMap<>();
		by.forEach((value, names) -> result.put(value, List.copyOf(names)));
		return result;
	}

	/** A value some analysts named and others did not. */
	private static void partial(Map<String, List<String>> chosen, int assessors,
			BiFunction<String, String, String> sentence, List<String> dissent) {
		chosen.forEach((value, names) -> {
			if (names.size() < assessors) {
				dissent.add(sentence.apply(String.join(", ", names), value));
			}
		});
	}

	private static String who(Map<String, List<String>> chosen) {
		return String.join("; ",
				chosen.entrySet()
					.stream()
					.map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
					.toList());
	}

}
