package org.biochemsec2030.network.application;

import java.util.List;

import org.biochemsec2030.network.support.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApplicationRulesTests {

	private static ApplicationInput valid() {
		return new ApplicationInput(" Rosalind ", "Franklin", " Rosalind@Example.ORG ", "King's College",
				"Structural biology", "early-career", "gb", List.of("synthetic-biology", "SYNTHETIC-BIOLOGY"),
				"https://orcid.org/0000-0002-1825-0097", "I study protein structures.", "2026-12-01",
				List.of(new ApplicationInput.ConsentChoice("directory", "2026-12-01")), null);
	}

	@Test
	void normalisesAnAcceptableApplication() {
		ApplicationRules.Checked checked = ApplicationRules.check(valid());
		assertThat(checked.givenName()).isEqualTo("Rosalind");
		assertThat(checked.email()).isEqualTo("rosalind@example.org");
		assertThat(checked.country()).isEqualTo("GB");
		assertThat(checked.interests()).containsExactly("synthetic-biology");
		assertThat(checked.orcid()).isEqualTo("0000-0002-1825-0097");
		assertThat(checked.consents()).containsExactly(Consents.Purpose.DIRECTORY);
		assertThat(checked.careerStage()).isEqualTo(CareerStage.EARLY_CAREER);
	}

	@Test
	void namesEveryFieldThatNeedsFixing() {
		ApplicationInput bad = new ApplicationInput("", null, "no-at-sign", "", "", "guru", "XX", List.of("astrology"),
				"0000-0002-1825-0098", "", null, List.of(new ApplicationInput.ConsentChoice("marketing", "2026-12-01"),
						new ApplicationInput.ConsentChoice("photos", "2019-01-01")),
				"bad key!");
		InvalidInput problem = catchThrowableOfType(InvalidInput.class, () -> ApplicationRules.check(bad));
		assertThat(problem.problems()).extracting(InvalidInput.FieldProblem::field)
			.contains("givenName", "familyName", "email", "affiliation", "discipline", "careerStage", "country",
					"interests", "orcid", "statement", "codeOfConduct", "consents", "submission");
		assertThat(problem.problems()).filteredOn(p -> p.field().equals("consents"))
			.extracting(InvalidInput.FieldProblem::message)
			.anyMatch(m -> m.contains("Unknown purpose 'marketing'"))
			.anyMatch(m -> m.contains("has changed since you opened the form"));
	}

	@Test
	void anOptionalOrcidMayBeLeftEmptyButTheCodeOfConductMayNot() {
		ApplicationInput v = valid();
		ApplicationInput noOrcid = new ApplicationInput(v.givenName(), v.familyName(), v.email(), v.affiliation(),
				v.discipline(), v.careerStage(), v.country(), v.interests(), "  ", v.statement(), v.codeOfConduct(),
				v.consents(), v.submission());
		assertThat(ApplicationRules.check(noOrcid).orcid()).isNull();
		ApplicationInput outdated = new ApplicationInput(v.givenName(), v.familyName(), v.email(), v.affiliation(),
				v.discipline(), v.careerStage(), v.country(), v.interests(), v.orcid(), v.statement(), "2025-01-01",
				v.consents(), v.submission());
		InvalidInput problem = catchThrowableOfType(InvalidInput.class, () -> ApplicationRules.check(outdated));
		assertThat(problem.problems()).singleElement()
			.satisfies(p -> assertThat(p.message()).contains("has changed since you opened the form"));
	}

	@Test
	void limitsTheLengthOfFreeText() {
		ApplicationInput v = valid();
		ApplicationInput longStatement = new ApplicationInput(v.givenName(), v.familyName(), v.email(), v.affiliation(),
				v.discipline(), v.careerStage(), v.country(), v.interests(), v.orcid(), "x".repeat(4001),
				v.codeOfConduct(), v.consents(), v.submission());
		InvalidInput problem = catchThrowableOfType(InvalidInput.class, () -> ApplicationRules.check(longStatement));
		assertThat(problem.problems()).singleElement()
			.satisfies(p -> assertThat(p.message()).isEqualTo("Shorten this to at most 4000 characters (it has 4001)"));
	}

}
