package org.biochemsec2030.content.schedule;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.biochemsec2030.content.micro.MicroPostService;
import org.biochemsec2030.content.post.PostService;
import org.biochemsec2030.content.support.ContentProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes what is due. The schedule lives in the database, not in a timer: every few
 * seconds each replica claims the due rows it can lock and skips those another replica
 * holds. A post whose time came while no replica ran is published on the first round
 * after start, so nothing scheduled is ever missed.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "bcs.content.scheduler.enabled", matchIfMissing = true)
class ScheduledPublication {

	private static final Log logger = LogFactory.getLog(ScheduledPublication.class);

	private final PostService posts;

	private final MicroPostService micros;

	private final ContentProperties properties;

	ScheduledPublication(PostService posts, MicroPostService micros, ContentProperties properties) {
		this.posts = posts;
		this.micros = micros;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${bcs.content.scheduler.interval:5s}", initialDelay = 0)
	void publishDue() {
		try {
			int batch = this.properties.scheduler().batchSize();
			int published;
			do {
				published = this.posts.publishDue(batch);
				if (published > 0) {
					logger.info("Published " + published + " scheduled post(s)");
				}
			}
			while (published == batch);
			do {
				published = this.micros.publishDue(batch);
				if (published > 0) {
					logger.info("Published " + published + " scheduled mini-post(s)");
				}
			}
			while (published == batch);
		}
		catch (RuntimeException ex) {
			// The database may be away for a moment; the next round tries again.
			logger.warn("Scheduled publication round failed: " + ex.getMessage());
		}
	}

}
