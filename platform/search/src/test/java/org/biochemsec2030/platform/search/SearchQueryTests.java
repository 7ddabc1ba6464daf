package org.biochemsec2030.platform.search;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchQueryTests {

	@Test
	void readsTextFacetsAndPage() {
		SearchQuery query = SearchQuery.parse(Map.of("q", List.of("  gene   drive "), "type", List.of("post", "paper"),
				"topic", List.of("genome editing"), "regime", List.of("BWC", "1540"), "year", List.of("2025"), "page",
				List.of("2")));

		assertThat(query.text()).isEqualTo("gene drive");
		assertThat(query.truncated()).isFalse();
		assertThat(query.types()).containsExactlyInAnyOrder("post", "paper");
		assertThat(query.topics()).containsExactly("genome editing");
		assertThat(query.regimes()).containsExactlyInAnyOrder("BWC", "1540");
		assertThat(query.years()).containsExactly(2025);
		assertThat(query.page()).isEqualTo(2);
		assertThat(query.filtered()).isTrue();
	}

	@Test
	void defaultsToTheFirstPageOfEverything() {
		SearchQuery query = SearchQuery.parse(Map.of("utm_source", List.of("newsletter"), "type", List.of("")));

		assertThat(query.text()).isEmpty();
		assertThat(query.page()).isEqualTo(1);
		assertThat(query.filtered()).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					page   | abc   | page must be a whole number from 1 to 100
					page   | -1    | page must be a whole number from 1 to 100
					page   | 0     | page must be a whole number from 1 to 100
					page   | 101   | page must be a whole number from 1 to 100
					type   | Blog! | type must be a kind of page such as post or paper (lower-case letters and hyphens), not 'Blog!'
					regime | NPT   | regime must be one of BWC, CWC, 1540, 2118, not 'NPT'
					regime | bwc   | regime must be one of BWC, CWC, 1540, 2118, not 'bwc'
					year   | 25    | year must be a four-digit year, not '25'
					year   | 2025a | year must be a four-digit year, not '2025a'
					""")
	void refusesValuesThatCannotBeRightNamingTheParameter(String parameter, String value, String message) {
		assertThatThrownBy(() -> SearchQuery.parse(Map.of(parameter, List.of(value))))
			.isInstanceOfSatisfying(InvalidSearchQueryException.class,
					ex -> assertThat(ex.parameter()).isEqualTo(parameter))
			.hasMessage(message);
	}

	@Test
	void refusesTooManyValuesOfOneFacet() {
		List<String> topics = java.util.stream.IntStream.range(0, 11).mapToObj(i -> "topic " + i).toList();
		assertThatThrownBy(() -> SearchQuery.parse(Map.of("topic", topics)))
			.hasMessage("topic may be given at most 10 times");
	}

	@Test
	void cutsLongTextAtAWordBoundaryAndSaysSo() {
		String text = "biosecurity ".repeat(1000);

		SearchQuery query = SearchQuery.of(text);

		assertThat(query.truncated()).isTrue();
		assertThat(query.text()).hasSizeLessThanOrEqualTo(SearchQuery.MAX_TEXT).endsWith("biosecurity");
	}

	@Test
	void replacesControlCharacters() {
		assertThat(SearchQuery.of("ricin\u0000\ttoxin\n").text()).isEqualTo("ricin toxin");
	}

}
