package org.biochemsec2030.publishing.oai;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResumptionTokenTests {

	@Test
	void aTokenCarriesTheListsArgumentsAndWhereTheNextPageStarts() {
		OaiPmh.ListArguments args = new OaiPmh.ListArguments(Instant.parse("2026-01-01T00:00:00Z"), null, "regime:BWC",
				50);
		assertThat(OaiPmh.ListArguments.decode(args.encode())).isEqualTo(args);
	}

	@Test
	void tokensThisRepositoryDidNotIssueAreRefusedAsBadResumptionTokens() {
		for (String token : new String[] { "", "not-a-token", "djF8fHx8LTE", "djJ8fHx8MA" }) {
			assertThatThrownBy(() -> OaiPmh.ListArguments.decode(token)).as(token)
				.isInstanceOfSatisfying(OaiPmh.OaiError.class,
						error -> assertThat(error.code()).isEqualTo("badResumptionToken"));
		}
	}

}
