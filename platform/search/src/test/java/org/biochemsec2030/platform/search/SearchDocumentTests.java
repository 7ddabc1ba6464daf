package org.biochemsec2030.platform.search;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchDocumentTests {

	@Test
	void refusesRegimesOutsideTheThreeTheProjectFollows() {
		assertThatThrownBy(
				() -> Documents.with(Documents.post("p", "t", "b"), Kinds.POST, List.of(), List.of("NPT"), null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("NPT");
	}

	@Test
	void requiresWhatAResultCannotBeShownWithout() {
		assertThatThrownBy(() -> new SearchDocument("id", Kinds.POST, " ", null, null, "/x", null, null, null, null,
				null, Instant.EPOCH))
			.hasMessage("title must not be blank");
	}

	@Test
	void derivesTheYearAndTheSuggesterInputsWhenIndexed() {
		SearchDocument document = new SearchDocument("id", Kinds.PAPER, "Gene drives", null, null, "/x",
				List.of("genome editing", "Gene drives"), List.of("BWC"), List.of(" ", "CRISPR"),
				List.of("Rosalind Franklin"), Instant.parse("2025-12-31T23:30:00Z"), Instant.EPOCH);

		IndexedDocument indexed = IndexedDocument.of(document);

		assertThat(indexed.year()).isEqualTo(2025);
		assertThat(indexed.type()).isEqualTo("paper");
		assertThat(indexed.suggest().input()).containsExactly("Gene drives", "genome editing", "CRISPR",
				"Rosalind Franklin");
	}

}
