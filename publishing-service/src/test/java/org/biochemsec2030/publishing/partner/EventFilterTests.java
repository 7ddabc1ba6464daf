package org.biochemsec2030.publishing.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.biochemsec2030.platform.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventFilterTests {

	private static final String PAPER = "org.biochemsec2030.publishing.paper.published.v1";

	private static final String POST = "org.biochemsec2030.content.post.published.v1";

	private static final Set<String> KNOWN = Set.of(PAPER, POST);

	@Test
	void anEmptyFilterTakesEverything() {
		assertThat(EventFilter.ANY.matches(POST, List.of(), List.of())).isTrue();
	}

	@Test
	void everyGivenDimensionMustMatchAndOneValueOfEachIsEnough() {
		List<Taxonomy.Problem> problems = new ArrayList<>();
		EventFilter filter = EventFilter.of(List.of(PAPER), List.of("bwc"),
				List.of("genome-editing", "ai-enabled-design"), KNOWN, problems);
		assertThat(problems).isEmpty();
		assertThat(filter.matches(PAPER, List.of("BWC", "CWC"), List.of("ai-enabled-design"))).isTrue();
		assertThat(filter.matches(PAPER, List.of("CWC"), List.of("ai-enabled-design"))).isFalse();
		assertThat(filter.matches(PAPER, List.of("BWC"), List.of("delivery-systems"))).isFalse();
		assertThat(filter.matches(POST, List.of("BWC"), List.of("genome-editing"))).isFalse();
	}

	@Test
	void unknownValuesAreAllReportedAtOnce() {
		List<Taxonomy.Problem> problems = new ArrayList<>();
		EventFilter.of(List.of("org.biochemsec2030.publishing.paper.eaten.v1", "papers"), List.of("NPT"),
				List.of("alchemy"), KNOWN, problems);
		assertThat(problems).extracting(Taxonomy.Problem::field)
			.containsExactly("types[0]", "types[1]", "regimes[0]", "topics[0]");
		assertThat(problems.get(0).message()).contains("no public event has that type");
		assertThat(problems.get(1).message()).contains("looks like");
	}

}
