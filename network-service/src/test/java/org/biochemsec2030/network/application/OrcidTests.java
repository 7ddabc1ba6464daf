package org.biochemsec2030.network.application;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class OrcidTests {

	@ParameterizedTest
	@CsvSource({ "0000-0002-1825-0097, 0000-0002-1825-0097", "0000000218250097, 0000-0002-1825-0097",
			"https://orcid.org/0000-0001-5109-3700, 0000-0001-5109-3700",
			"HTTPS://ORCID.ORG/0000-0001-5109-3700, 0000-0001-5109-3700", "0000-0002-1694-233x, 0000-0002-1694-233X",
			"' 0000-0002-1694-233X ', 0000-0002-1694-233X" })
	void acceptsValidIdsInTheFormsPeopleTypeAndGivesTheStandardForm(String typed, String standard) {
		assertThat(Orcid.parse(typed)).contains(standard);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0000-0002-1825-0098", "0000-0002-1825-0079", "0000-0020-1825-0097", "0000-0002-1694-2330",
			"0000-0002-1825-009", "0000-0002-1825-00977", "ABCD-0002-1825-0097",
			"https://example.org/0000-0002-1825-0097", "" })
	void refusesIdsWithAWrongCheckCharacterOrShape(String typed) {
		assertThat(Orcid.parse(typed)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "000000021825009, 7", "000000015109370, 0", "000000021694233, X" })
	void computesTheIso7064Mod112CheckCharacter(String base, char check) {
		assertThat(Orcid.checkCharacter(base)).isEqualTo(check);
	}

}
