package org.biochemsec2030.tracker.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.Problems;
import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.platform.taxonomy.Taxonomy;
import org.biochemsec2030.platform.taxonomy.Topic;
import org.biochemsec2030.tracker.support.InvalidInput;

/**
 * What makes an assessment acceptable, checked in one place with a message per field: the
 * field and provisions come from the shared taxonomy, the scales have their ranges, and
 * the evidence is items of the development itself, so an assessment can always be traced
 * to what it rests on.
 */
final class AssessmentRules {

	static final int MAX_MEASURES = 10;

	static final int MAX_MEASURE = 300;

	static final int MAX_RATIONALE = 4000;

	private static final List<String> CONFIDENCE = List.of("low", "medium", "high");

	private static final String PROVISION_CHOICES = String.join(", ",
			Arrays.stream(Regime.values())
				.flatMap(regime -> regime.provisions().stream())
				.map(Regime.Provision::code)
				.toList());

	private AssessmentRules() {
	}

	static Assessment check(AssessmentInput input, UUID developmentId, Set<UUID> developmentItems, Actor assessor,
			int version, Instant now) {
		List<InvalidInput.FieldProblem> problems = new ArrayList<>();
		Optional<Topic> field = Topic.bySlug(input.field());
		if (field.isEmpty()) {
			problems.add(new InvalidInput.FieldProblem("field", "'" + Taxonomy.shownValue(String.valueOf(input.field()))
					+ "' is not a field; use one of " + Taxonomy.TOPIC_CHOICES));
		}
		List<Regime.Provision> provisions = provisions(input.provisions(), problems);
		List<String> implications = implications(input.implications(), problems);
		int trl = scale("trl", input.trl(), 1, 9, problems);
		int likelihood = scale("likelihood", input.likelihood(), 1, 5, problems);
		int impact = scale("impact", input.impact(), 1, 5, problems);
		String confidence = (input.confidence() != null) ? input.confidence().strip().toLowerCase(Locale.ROOT) : "";
		if (!CONFIDENCE.contains(confidence)) {
			problems.add(new InvalidInput.FieldProblem("confidence", "choose low, medium or high"));
		}
		List<String> hard = measures("hardMeasures", input.hardMeasures(), problems);
		List<String> soft = measures("softMeasures", input.softMeasures(), problems);
		String rationale = (input.rationale() != null) ? input.rationale().strip() : "";
		if (rationale.length() > MAX_RATIONALE || Problems.hasNul(rationale)) {
			problems.add(new InvalidInput.FieldProblem("rationale", Problems.hasNul(rationale) ? Problems.NUL_MESSAGE
					: "use at most " + MAX_RATIONALE + " characters"));
		}
		List<UUID> items = evidence(input.itemIds(), developmentItems, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		List<String> codes = provisions.stream().map(Regime.Provision::code).toList();
		return new Assessment(developmentId, assessor.id(), assessor.name(), version, now, field.get().slug(),
				regimesOf(codes), codes, implications, trl, likelihood, impact, confidence, hard, soft, rationale,
				items);
	}

	/** The regimes of the given provisions, in the taxonomy's order. */
	static List<String> regimesOf(List<String> provisions) {
		return Arrays.stream(Regime.values())
			.filter(regime -> regime.provisions().stream().anyMatch(p -> provisions.contains(p.code())))
			.map(Regime::code)
			.toList();
	}

	/** The provision with this code in any regime ({@code bwc-x} too). */
	static Optional<Regime.Provision> provision(String code) {
		return Arrays.stream(Regime.values()).flatMap(regime -> regime.provision(code).stream()).findFirst();
	}

	private static List<Regime.Provision> provisions(List<String> codes, List<InvalidInput.FieldProblem> problems) {
		if (codes == null || codes.isEmpty()) {
			problems.add(new InvalidInput.FieldProblem("provisions",
					"name at least one provision it is relevant to: " + PROVISION_CHOICES));
			return List.of();
		}
		Set<Regime.Provision> found = new LinkedHashSet<>();
		for (String code : codes) {
			Optional<Regime.Provision> provision = provision(code);
			if (provision.isEmpty()) {
				problems.add(new InvalidInput.FieldProblem("provisions", "'" + Taxonomy.shownValue(String.valueOf(code))
						+ "' is not a provision; use " + PROVISION_CHOICES));
			}
			provision.ifPresent(found::add);
		}
		return List.copyOf(found);
	}

	private static List<String> implications(List<String> keys, List<InvalidInput.FieldProblem> problems) {
		if (keys == null || keys.isEmpty()) {
			problems.add(new InvalidInput.FieldProblem("implications",
					"name at least one implication: " + Implication.choices()));
			return List.of();
		}
		Set<String> found = new LinkedHashSet<>();
		for (String key : keys) {
			Optional<Implication> implication = Implication.byKey(key);
			if (implication.isEmpty()) {
				problems.add(new InvalidInput.FieldProblem("implications",
						"'" + Taxonomy.shownValue(String.valueOf(key)) + "' is not one of " + Implication.choices()));
			}
			implication.ifPresent(i -> found.add(i.key()));
		}
		return List.copyOf(found);
	}

	private static int scale(String field, Integer value, int from, int to, List<InvalidInput.FieldProblem> problems) {
		if (value == null || value < from || value > to) {
			problems.add(new InvalidInput.FieldProblem(field, "give a whole number from " + from + " to " + to));
			return 0;
		}
		return value;
	}

	private static List<String> measures(String field, List<String> given, List<InvalidInput.FieldProblem> problems) {
		if (given == null) {
			return List.of();
		}
		List<String> measures = given.stream()
			.filter(m -> m != null && !m.isBlank())
			.map(String::strip)
			.distinct()
			.toList();
		if (measures.size() > MAX_MEASURES) {
			problems.add(new InvalidInput.FieldProblem(field, "name at most " + MAX_MEASURES + " measures"));
		}
		if (measures.stream().anyMatch(m -> m.length() > MAX_MEASURE || Problems.hasNul(m))) {
			problems.add(new InvalidInput.FieldProblem(field,
					"describe each measure in at most " + MAX_MEASURE + " characters of text"));
		}
		return measures;
	}

	private static List<UUID> evidence(List<UUID> given, Set<UUID> developmentItems,
			List<InvalidInput.FieldProblem> problems) {
		List<UUID> items = (given != null) ? given.stream().filter(id -> id != null).distinct().toList() : List.of();
		if (items.isEmpty()) {
			problems.add(new InvalidInput.FieldProblem("itemIds",
					"link at least one of the development's items the assessment rests on"));
		}
		else if (!developmentItems.containsAll(items)) {
			problems.add(new InvalidInput.FieldProblem("itemIds",
					"link only items of this development; promote other items into it first"));
		}
		return items;
	}

}
