package org.biochemsec2030.network.application;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes applications whose address was never confirmed: nothing is kept about someone
 * who may not even have applied themselves.
 */
@Component
class ApplicationExpiry {

	private static final Logger log = LoggerFactory.getLogger(ApplicationExpiry.class);

	private final Applications applications;

	private final Clock clock;

	ApplicationExpiry(Applications applications, Clock clock) {
		this.applications = applications;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${bcs.network.applications.expiry-interval:10m}", initialDelay = 30_000)
	void expire() {
		int deleted = this.applications.expireUnconfirmed(this.clock.instant());
		if (deleted > 0) {
			log.info("Deleted {} applications whose address was not confirmed in time", deleted);
		}
	}

}
