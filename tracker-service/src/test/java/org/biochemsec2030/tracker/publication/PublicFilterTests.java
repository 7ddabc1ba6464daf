package org.biochemsec2030.tracker.publication;

import java.util.List;
import java.util.UUID;

import org.biochemsec2030.tracker.support.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicFilterTests {

	private static final PublicDevelopment SCREENING = new PublicDevelopment(UUID.randomUUID(), "screening",
			"Screening", "Summary.", "/tracker/screening", null, null, List.of("synthetic-biology"), List.of("BWC"),
			List.of("risk"), new PublicDevelopment.Maturity(3, 5), 2, List.of(), List.of(), List.of(), List.of());

	@Test
	void everyGivenPartMustMatch() {
		assertThat(PublicFilter.of("Synthetic-Biology", "bwc", "research", "risk").matches(SCREENING)).isTrue();
		assertThat(PublicFilter.of(null, "CWC", null, null).matches(SCREENING)).isFalse();
		assertThat(PublicFilter.of(null, null, null, "benefit").matches(SCREENING)).isFalse();
		assertThat(PublicFilter.NONE.matches(SCREENING)).isTrue();
	}

	@Test
	void aMaturityBandMatchesWhenAnyAnalystsTrlIsInIt() {
		assertThat(PublicFilter.of(null, null, "research", null).matches(SCREENING)).isTrue();
		assertThat(PublicFilter.of(null, null, "development", null).matches(SCREENING)).isTrue();
		assertThat(PublicFilter.of(null, null, "deployment", null).matches(SCREENING)).isFalse();
	}

	@Test
	void unknownValuesAreRefusedEachWithItsField() {
		assertThatThrownBy(() -> PublicFilter.of("virology", "NPT", "soon", "danger")).isInstanceOfSatisfying(
				InvalidInput.class, ex -> assertThat(ex.problems()).extracting(InvalidInput.FieldProblem::field)
					.containsExactly("field", "regime", "maturity", "implication"));
	}

}
