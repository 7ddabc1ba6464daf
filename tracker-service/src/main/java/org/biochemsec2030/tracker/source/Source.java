package org.biochemsec2030.tracker.source;

import java.time.Duration;
import java.util.UUID;

/**
 * A source as polling needs it: where, how often, and the validators of its last answer.
 */
record Source(UUID id, String name, String url, Duration pollEvery, String etag, String lastModified,
		int consecutiveFailures) {
}
