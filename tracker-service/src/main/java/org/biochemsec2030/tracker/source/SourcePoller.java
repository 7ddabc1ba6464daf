package org.biochemsec2030.tracker.source;

import org.biochemsec2030.tracker.support.TrackerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls due sources on a fixed delay in every replica; claiming with {@code SKIP LOCKED}
 * keeps replicas from polling the same source, and a poll that was due while nothing ran
 * happens at the next round.
 */
@Component
class SourcePoller {

	private static final Logger logger = LoggerFactory.getLogger(SourcePoller.class);

	private final SourceService sources;

	private final boolean enabled;

	SourcePoller(SourceService sources, TrackerProperties properties) {
		this.sources = sources;
		this.enabled = properties.poller().enabled();
	}

	@Scheduled(fixedDelayString = "${bcs.tracker.poller.interval}",
			initialDelayString = "${bcs.tracker.poller.interval}")
	void round() {
		if (!this.enabled) {
			return;
		}
		try {
			this.sources.pollDue();
		}
		catch (RuntimeException ex) {
			// The database may be away for a moment; the next round tries again.
			logger.warn("Polling round failed: {}", ex.getMessage());
		}
	}

}
