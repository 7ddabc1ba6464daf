package org.biochemsec2030.publishing.partner;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbargoTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

	@Test
	void anEventWithoutAnEmbargoIsPublicAndGoesToEveryoneAtOnce() {
		for (String data : new String[] { "{\"title\":\"A paper\"}", "{\"embargo_until\":null}", "null" }) {
			Embargo embargo = Embargo.of(data(data));
			assertThat(embargo.until()).isEmpty();
			assertThat(embargo.isPublic(NOW)).isTrue();
			assertThat(embargo.deliverAt(false, NOW)).isEqualTo(NOW);
		}
	}

	@Test
	void beforeItsEndOnlyTrustedPartnersGetTheEventAndThePublicDoesNotSeeIt() {
		Embargo embargo = Embargo.of(data("{\"embargo_until\":\"2026-12-01T12:00:00+02:00\"}"));
		Instant end = Instant.parse("2026-12-01T10:00:00Z");
		assertThat(embargo.until()).contains(end);
		assertThat(embargo.isPublic(NOW)).isFalse();
		assertThat(embargo.deliverAt(true, NOW)).isEqualTo(NOW);
		assertThat(embargo.deliverAt(false, NOW)).isEqualTo(end);
	}

	@Test
	void fromItsEndTheEventIsEveryones() {
		Embargo embargo = new Embargo(Optional.of(NOW));
		assertThat(embargo.isPublic(NOW)).isTrue();
		assertThat(embargo.isPublic(NOW.minusMillis(1))).isFalse();
		assertThat(embargo.deliverAt(false, NOW)).isEqualTo(NOW);
		Instant later = NOW.plusSeconds(3600);
		assertThat(embargo.isPublic(later)).isTrue();
		assertThat(embargo.deliverAt(false, later)).isEqualTo(later);
	}

	@Test
	void anEmbargoThatIsNotATimeIsRefusedRatherThanGuessedAt() {
		for (String data : new String[] { "{\"embargo_until\":\"tomorrow\"}", "{\"embargo_until\":\"2026-12-01\"}",
				"{\"embargo_until\":1764579600}", "{\"embargo_until\":\"2026-12-01T10:00:00\"}" }) {
			assertThatThrownBy(() -> Embargo.of(data(data))).as(data)
				.isInstanceOf(Embargo.InvalidEmbargo.class)
				.hasMessageContaining("embargo_until");
		}
	}

	private static JsonNode data(String json) {
		return JSON.readTree(json);
	}

}
