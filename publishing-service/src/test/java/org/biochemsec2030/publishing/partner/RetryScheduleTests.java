package org.biochemsec2030.publishing.partner;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTests {

	private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

	@Test
	void theFirstAttemptIsAtOnceWithoutJitter() {
		assertThat(RetrySchedule.STANDARD.next(0, T0, new Random(1))).contains(T0);
	}

	@Test
	void eachLaterAttemptWaitsItsStepWithinAFifthEitherWay() {
		List<Duration> steps = RetrySchedule.STANDARD.waits();
		Random random = new Random(42);
		for (int made = 1; made < steps.size(); made++) {
			long step = steps.get(made).toMillis();
			for (int draw = 0; draw < 200; draw++) {
				long waited = Duration.between(T0, RetrySchedule.STANDARD.next(made, T0, random).orElseThrow())
					.toMillis();
				assertThat(waited).as("attempt %d", made + 1).isBetween(Math.round(step * 0.8), Math.round(step * 1.2));
			}
		}
	}

	@Test
	void jitterSpreadsEndpointsThatFailedTogether() {
		Random random = new Random(7);
		long distinct = java.util.stream.IntStream.range(0, 50)
			.mapToObj(i -> RetrySchedule.STANDARD.next(3, T0, random).orElseThrow())
			.distinct()
			.count();
		assertThat(distinct).isGreaterThan(40);
	}

	@Test
	void afterEightAttemptsThereIsNoNext() {
		assertThat(RetrySchedule.STANDARD.attempts()).isEqualTo(8);
		assertThat(RetrySchedule.STANDARD.next(8, T0, new Random(1))).isEmpty();
		assertThatThrownBy(() -> RetrySchedule.STANDARD.next(-1, T0, new Random(1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theWholeScheduleSpansAboutADay() {
		Duration total = RetrySchedule.STANDARD.waits().stream().reduce(Duration.ZERO, Duration::plus);
		assertThat(total).isBetween(Duration.ofHours(27), Duration.ofHours(28));
	}

}
