package org.biochemsec2030.tracker.source;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	private static final Instant NOW = Instant.parse("2026-03-05T08:00:00Z");

	@Test
	void successWaitsForTheSourcesOwnInterval() {
		assertThat(Backoff.afterSuccess(NOW, Duration.ofMinutes(30))).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
	}

	@Test
	void failuresDoubleTheWaitFromOneMinuteUpToADay() {
		assertThat(Backoff.delay(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(Backoff.delay(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(Backoff.delay(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(Backoff.delay(11)).isEqualTo(Duration.ofMinutes(1024));
		assertThat(Backoff.delay(12)).isEqualTo(Duration.ofDays(1));
		assertThat(Backoff.delay(1000)).isEqualTo(Duration.ofDays(1));
		assertThat(Backoff.afterFailure(NOW, 3)).isEqualTo(NOW.plus(Duration.ofMinutes(4)));
	}

}
