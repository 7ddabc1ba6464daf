package org.biochemsec2030.network.meeting;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AdminMeetingsControllerTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '^', value = { "Ada Lovelace|\"Ada Lovelace\"",
			"Say \"hi\"|\"Say \"\"hi\"\"\"", "=HYPERLINK(1)|\"'=HYPERLINK(1)\"", "@cmd|\"'@cmd\"", "a, b|\"a, b\"" })
	void quotesEveryCellAndDefusesFormulas(String value, String cell) {
		assertThat(AdminMeetingsController.cell(value)).isEqualTo(cell);
	}

}
