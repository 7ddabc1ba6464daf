package org.biochemsec2030.tracker.source;

import java.time.Duration;
import java.time.Instant;

/**
 * When a source is polled next. After a success (a feed, or 304 Not Modified) at its own
 * interval; after failures ever later, doubling from one minute up to a day, so a broken
 * or overloaded site is asked less and less often and recovers on its own once it answers
 * again.
 */
final class Backoff {

	static final Duration FIRST_RETRY = Duration.ofMinutes(1);

	static final Duration LONGEST = Duration.ofDays(1);

	private Backoff() {
	}

	static Instant afterSuccess(Instant now, Duration pollEvery) {
		return now.plus(pollEvery);
	}

	/** {@code failures} counts this one: 1 after the first failure in a row. */
	static Instant afterFailure(Instant now, int failures) {
		return now.plus(delay(failures));
	}

	static Duration delay(int failures) {
		int doublings = Math.max(0, Math.min(failures - 1, 20));
		Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
		return (delay.compareTo(LONGEST) > 0) ? LONGEST : delay;
	}

}
