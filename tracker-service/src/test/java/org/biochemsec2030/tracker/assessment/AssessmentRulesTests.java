package org.biochemsec2030.tracker.assessment;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.biochemsec2030.tracker.support.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssessmentRulesTests {

	private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

	private static final Set<UUID> ITEMS = Set.of(Assessments.ITEM);

	@Test
	void aCompleteAssessmentIsKeptWithItsRegimesFromItsProvisions() {
		Assessment assessment = AssessmentRules.check(Assessments.input(List.of(Assessments.ITEM)),
				Assessments.DEVELOPMENT, ITEMS, Assessments.analyst("ana"), 2, NOW);
		assertThat(assessment.field()).isEqualTo("synthetic-biology");
		assertThat(assessment.provisions()).containsExactly("BWC-IV", "BWC-X", "1540-OP3");
		assertThat(assessment.regimes()).containsExactly("BWC", "1540");
		assertThat(assessment.implications()).containsExactly("risk", "governance-need");
		assertThat(assessment.confidence()).isEqualTo("medium");
		assertThat(assessment.assessorName()).isEqualTo("ana");
		assertThat(assessment.version()).isEqualTo(2);
		assertThat(assessment.recordedAt()).isEqualTo(NOW);
	}

	@Test
	void everyRegimesProvisionsOfTheTaxonomyCanBeNamed() {
		for (String code : List.of("BWC-I", "BWC-III", "BWC-IV", "BWC-VII", "BWC-X", "CWC-I", "CWC-VI", "CWC-XI",
				"CWC-VA", "1540-OP1", "1540-OP2", "1540-OP3", "2118")) {
			assertThat(AssessmentRules.provision(code)).as(code).isPresent();
		}
		assertThat(AssessmentRules.regimesOf(List.of("CWC-VA", "2118"))).containsExactly("CWC", "2118");
	}

	@Test
	void anEmptyAssessmentIsRefusedWithAMessageForEveryField() {
		AssessmentInput empty = new AssessmentInput(null, null, null, null, null, null, null, null, null, null, null);
		assertThatThrownBy(
				() -> AssessmentRules.check(empty, Assessments.DEVELOPMENT, ITEMS, Assessments.analyst("ana"), 1, NOW))
			.isInstanceOfSatisfying(InvalidInput.class,
					ex -> assertThat(ex.problems()).extracting(InvalidInput.FieldProblem::field)
						.containsExactlyInAnyOrder("field", "provisions", "implications", "trl", "likelihood", "impact",
								"confidence", "itemIds"));
	}

	@Test
	void valuesOutsideTheTaxonomyAndTheScalesAreRefused() {
		AssessmentInput wrong = new AssessmentInput("virology", List.of("BWC-XV"), List.of("danger"), 10, 0, 6,
				"certain", List.of("x".repeat(301)), Arrays.asList(new String[11]).stream().map(n -> "m").toList(),
				"fine", List.of(Assessments.ITEM));
		assertThatThrownBy(
				() -> AssessmentRules.check(wrong, Assessments.DEVELOPMENT, ITEMS, Assessments.analyst("ana"), 1, NOW))
			.isInstanceOfSatisfying(InvalidInput.class,
					ex -> assertThat(ex.problems()).extracting(InvalidInput.FieldProblem::field)
						.containsExactlyInAnyOrder("field", "provisions", "implications", "trl", "likelihood", "impact",
								"confidence", "hardMeasures"));
	}

	@Test
	void theEvidenceMustBeItemsOfTheDevelopment() {
		UUID elsewhere = UUID.randomUUID();
		assertThatThrownBy(() -> AssessmentRules.check(Assessments.input(List.of(Assessments.ITEM, elsewhere)),
				Assessments.DEVELOPMENT, ITEMS, Assessments.analyst("ana"), 1, NOW))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.problems()).singleElement()
				.satisfies(problem -> assertThat(problem.message()).contains("only items of this development")));
	}

	@Test
	void repeatedAndBlankMeasuresAreDropped() {
		AssessmentInput input = Assessments.input(List.of(Assessments.ITEM));
		AssessmentInput repeated = new AssessmentInput(input.field(), input.provisions(), input.implications(),
				input.trl(), input.likelihood(), input.impact(), input.confidence(),
				List.of(" Export controls ", "Export controls", " "), null, null, input.itemIds());
		Assessment assessment = AssessmentRules.check(repeated, Assessments.DEVELOPMENT, ITEMS,
				Assessments.analyst("ana"), 1, NOW);
		assertThat(assessment.hardMeasures()).containsExactly("Export controls");
		assertThat(assessment.softMeasures()).isEmpty();
		assertThat(assessment.rationale()).isEmpty();
	}

}
