package org.biochemsec2030.publishing.partner;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a delivery is tried again after a failure. The first try is at once; later ones
 * wait longer each time (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: about 28 hours in
 * all), each wait shortened or lengthened by up to a fifth at random, so that endpoints
 * which failed together (one outage at a partner, one restart here) are not all tried
 * again in the same second.
 */
record RetrySchedule(List<Duration> waits, double jitter) {

	static final RetrySchedule STANDARD = new RetrySchedule(
			List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
					Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)),
			0.2);

	RetrySchedule {
		waits = List.copyOf(waits);
		if (waits.isEmpty()) {
			throw new IllegalArgumentException("a schedule has at least one attempt");
		}
		if (jitter < 0 || jitter >= 1) {
			throw new IllegalArgumentException("jitter is a share in [0, 1)");
		}
	}

	/** How many attempts a message gets before it counts as failed. */
	int attempts() {
		return this.waits.size();
	}

	/**
	 * When to make the next attempt, given how many were made and when the last one
	 * ended; empty when every attempt is used up.
	 */
	Optional<Instant> next(int attemptsMade, Instant lastAttempt, RandomGenerator random) {
		if (attemptsMade < 0) {
			throw new IllegalArgumentException("attempts made cannot be negative");
		}
		if (attemptsMade >= this.waits.size()) {
			return Optional.empty();
		}
		long millis = this.waits.get(attemptsMade).toMillis();
		if (millis > 0 && this.jitter > 0) {
			double factor = 1 + this.jitter * (2 * random.nextDouble() - 1);
			millis = Math.round(millis * factor);
		}
		return Optional.of(lastAttempt.plusMillis(millis));
	}

}
