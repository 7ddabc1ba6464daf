package org.biochemsec2030.platform.taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaxonomyTests {

	@Test
	void topicsAreNormalisedAndDeduplicatedAndUnknownOnesNamedWithTheChoices() {
		List<Taxonomy.Problem> problems = new ArrayList<>();
		List<String> topics = Taxonomy.topics("topics", List.of(" Genome-Editing", "genome-editing", "alchemy"),
				problems);
		assertThat(topics).containsExactly("genome-editing");
		assertThat(problems).singleElement().satisfies(problem -> {
			assertThat(problem.field()).isEqualTo("topics[2]");
			assertThat(problem.message()).contains("'alchemy'").contains(Taxonomy.TOPIC_CHOICES);
		});
	}

	@Test
	void regimesAreReadInAnyCaseAndStoredByTheirCode() {
		List<Taxonomy.Problem> problems = new ArrayList<>();
		assertThat(Taxonomy.regimes("regimes", List.of("bwc", "1540", "2118", "NPT"), problems)).containsExactly("BWC",
				"1540", "2118");
		assertThat(problems).singleElement().extracting(Taxonomy.Problem::field).isEqualTo("regimes[3]");
	}

	@Test
	void aLongInvalidValueIsNeverEchoedInFull() {
		List<Taxonomy.Problem> problems = new ArrayList<>();
		Taxonomy.topics("topics", List.of("x".repeat(10_000)), problems);
		assertThat(problems.get(0).message()).hasSizeLessThan(400);
	}

	@Test
	void eachRegimeHasTheProvisionsAssessmentsPointTo() {
		assertThat(Regime.BWC.provisions()).extracting(Regime.Provision::name)
			.containsExactly("Article I", "Article III", "Article IV", "Article VII", "Article X");
		assertThat(Regime.CWC.provision("cwc-va")).map(Regime.Provision::name).contains("Verification Annex");
		assertThat(Regime.UNSCR_1540.provisions()).hasSize(3);
		assertThat(Regime.BWC.provision("CWC-I")).isEmpty();
	}

	@Test
	void provisionCodesAreUniqueAcrossRegimes() {
		Set<String> seen = new HashSet<>();
		Arrays.stream(Regime.values())
			.flatMap(regime -> regime.provisions().stream())
			.forEach(provision -> assertThat(seen.add(provision.code())).as(provision.code()).isTrue());
	}

	@Test
	void storedCodesAreRecognisedExactly() {
		assertThat(Taxonomy.isRegime("CWC")).isTrue();
		assertThat(Taxonomy.isRegime("cwc")).isFalse();
		assertThat(Taxonomy.isTopic("delivery-systems")).isTrue();
		assertThat(Taxonomy.isTopic("Delivery systems")).isFalse();
		assertThat(Topic.bySlug(null)).isEmpty();
		assertThat(Regime.byCode(null)).isEmpty();
	}

}
