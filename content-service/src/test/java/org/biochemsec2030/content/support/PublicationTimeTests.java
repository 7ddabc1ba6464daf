package org.biochemsec2030.content.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** When a post or mini-post may be scheduled. */
class PublicationTimeTests {

	private static final Instant NOW = Instant.parse("2030-05-04T09:00:00Z");

	@Test
	void noTimeMeansNowAndAFutureTimeWithinACenturySchedules() {
		assertThat(PublicationTime.scheduled(null, NOW)).isNull();
		OffsetDateTime nextWeek = OffsetDateTime.of(2030, 5, 11, 10, 0, 0, 0, ZoneOffset.ofHours(1));
		assertThat(PublicationTime.scheduled(nextWeek, NOW)).isEqualTo(Instant.parse("2030-05-11T09:00:00Z"));
		assertThat(PublicationTime.scheduled(OffsetDateTime.parse("2130-05-03T09:00:00Z"), NOW)).isNotNull();
	}

	@Test
	void thePastAndNowAreRefused() {
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> PublicationTime.scheduled(NOW.atOffset(ZoneOffset.UTC), NOW))
			.satisfies(ex -> assertThat(ex.problems().get(0).field()).isEqualTo("at"));
	}

	@Test
	void moreThanACenturyAheadAndTheEndOfTimeAreRefusedWithTheLatestDate() {
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> PublicationTime.scheduled(OffsetDateTime.parse("+999999999-12-31T23:59:59Z"), NOW))
			.satisfies(ex -> assertThat(ex.problems().get(0).field()).isEqualTo("at"))
			.satisfies(ex -> assertThat(ex.problems().get(0).message()).contains("100 years ahead")
				.contains("before 2130-0"));
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> PublicationTime.scheduled(OffsetDateTime.parse("2130-06-01T09:00:00Z"), NOW));
	}

}
