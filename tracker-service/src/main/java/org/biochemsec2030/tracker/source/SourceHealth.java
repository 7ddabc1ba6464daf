package org.biochemsec2030.tracker.source;

import java.time.Instant;
import java.util.UUID;

/**
 * A source and how it is doing, for analysts.
 *
 * @param lastStatus what the last poll got: {@code 200}, {@code 304}, or the failure
 * @param consecutiveFailures failed polls since the last success (the backoff's count)
 * @param itemsSeen different items this source has reported
 */
public record SourceHealth(UUID id, String name, String url, long pollEverySeconds, boolean enabled,
		Instant lastPolledAt, Instant lastSuccessAt, String lastStatus, Instant lastErrorAt, String lastError,
		int consecutiveFailures, Instant nextPollAt, long itemsSeen) {

	/** Whether the last poll succeeded (a never-polled source counts as healthy). */
	public boolean healthy() {
		return this.consecutiveFailures == 0;
	}

}
