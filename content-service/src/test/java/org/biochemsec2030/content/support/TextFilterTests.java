package org.biochemsec2030.content.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The admin lists' text filter and the pattern it becomes. */
class TextFilterTests {

	@Test
	void blankMeansNoFilterAndLongTextIsRefusedWithWhatToDo() {
		assertThat(TextFilter.parse("q", null)).isNull();
		assertThat(TextFilter.parse("q", "  ")).isNull();
		assertThat(TextFilter.parse("q", "  gene drive ")).isEqualTo("gene drive");
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> TextFilter.parse("q", "x".repeat(201)))
			.satisfies(ex -> assertThat(ex.problems().get(0).message())
				.isEqualTo("shorten the search to 200 characters at most"));
	}

	@Test
	void aNulCharacterIsRefusedNotDropped() {
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> TextFilter.parse("q", "gene\u0000drive"))
			.satisfies(ex -> assertThat(ex.problems().get(0).field()).isEqualTo("q"))
			.satisfies(ex -> assertThat(ex.problems().get(0).message()).contains("NUL"));
	}

	@Test
	void wildcardsAndTheEscapeCharacterMatchOnlyThemselves() {
		assertThat(Jdbc.containing("100%_sure\\")).isEqualTo("%100\\%\\_sure\\\\%");
		assertThat(Jdbc.containing("plain")).isEqualTo("%plain%");
	}

}
