package org.biochemsec2030.network.directory;

import java.util.List;
import java.util.Map;

import org.biochemsec2030.network.support.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProfileRulesTests {

	private static ProfileInput profile(Map<String, String> visibility) {
		return new ProfileInput(" Ada Lovelace ", "Analytical Society", "Mathematics", "GB",
				List.of("ai-enabled-design"), "Notes on the engine.", "0000-0002-1825-0097", visibility, true);
	}

	@Test
	void everyFieldLeftWithoutAVisibilityIsPrivate() {
		ProfileRules.Checked checked = ProfileRules.check(profile(Map.of("name", "public")));
		assertThat(checked.name()).isEqualTo("Ada Lovelace");
		assertThat(checked.visibility().get(ProfileField.NAME)).isEqualTo(Visibility.PUBLIC);
		for (ProfileField field : ProfileField.values()) {
			if (field != ProfileField.NAME) {
				assertThat(checked.visibility().get(field)).as(field.code()).isEqualTo(Visibility.PRIVATE);
			}
		}
		assertThat(checked.listed()).isTrue();
	}

	@Test
	void refusesAnUnknownVisibilityAnUnknownFieldAWrongOrcidAndATopicOutsideTheTaxonomy() {
		ProfileInput input = new ProfileInput("", "a", "b", "XX", List.of("astrology"), "", "0000-0002-1825-0098",
				Map.of("name", "friends", "shoe-size", "public"), false);
		InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> ProfileRules.check(input));
		assertThat(refused.problems()).extracting(InvalidInput.FieldProblem::field)
			.contains("name", "country", "topics", "orcid", "visibility.name", "visibility.shoe-size");
	}

	@Test
	void refusesTextsLongerThanTheirLimit() {
		ProfileInput input = new ProfileInput("Ada", "a", "b", "", List.of(), "x".repeat(2001), null, Map.of(), false);
		InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> ProfileRules.check(input));
		assertThat(refused.problems()).extracting(InvalidInput.FieldProblem::field).containsExactly("bio");
	}

	@Test
	void aDirectorySearchAcceptsOnlyTopicsAndCountriesOfTheLists() {
		assertThat(DirectoryQuery.of(" genome ", "genome-editing", "", "FR").q()).isEqualTo("genome");
		InvalidInput refused = catchThrowableOfType(InvalidInput.class,
				() -> DirectoryQuery.of("x".repeat(201), "astrology", null, "ZZ"));
		assertThat(refused.problems()).extracting(InvalidInput.FieldProblem::field)
			.containsExactly("q", "topic", "country");
	}

}
