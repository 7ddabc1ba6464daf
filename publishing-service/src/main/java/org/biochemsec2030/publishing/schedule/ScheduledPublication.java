package org.biochemsec2030.publishing.schedule;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.biochemsec2030.publishing.paper.PaperService;
import org.biochemsec2030.publishing.support.PublishingProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the scheduled papers that are due. The schedule lives in the database: each
 * round, every replica claims the due rows it can lock and skips those another holds; a
 * paper whose time came while no replica ran is published on the first round after start.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "bcs.publishing.scheduler.enabled", matchIfMissing = true)
class ScheduledPublication {

	private static final Log logger = LogFactory.getLog(ScheduledPublication.class);

	private final PaperService papers;

	private final PublishingProperties properties;

	ScheduledPublication(PaperService papers, PublishingProperties properties) {
		this.papers = papers;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${bcs.publishing.scheduler.interval:30s}", initialDelay = 0)
	void publishDue() {
		try {
			int batch = this.properties.scheduler().batchSize();
			int published;
			do {
				published = this.papers.publishDue(batch);
				if (published > 0) {
					logger.info("Published " + published + " scheduled paper(s)");
				}
			}
			while (published == batch);
		}
		catch (RuntimeException ex) {
			// The database may be away for a moment; the next round tries again.
			logger.warn("Publishing due papers failed; trying again next round", ex);
		}
	}

}
