package org.biochemsec2030.publishing.partner;

import org.biochemsec2030.contracts.embargo.EmbargoEvents;
import org.biochemsec2030.contracts.embargo.EmbargoRecalled;
import org.biochemsec2030.contracts.tracker.TrackerEvents;
import org.biochemsec2030.contracts.tracker.WatchlistMatched;
import org.biochemsec2030.platform.events.Announcer;
import org.biochemsec2030.platform.events.EventSubscription;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Partner subscriptions read {@code bcs.public}, the partner-facing stream every producer
 * writes its public events to: the log keeps each under the id it has there, so webhooks,
 * the pull log and Kafka readers see one id per event. They also read
 * {@code bcs.embargoed}, where an embargoed event comes first under that same id (and
 * {@code bcs.public} only once its embargo ends), and where a recall of one follows it;
 * and {@code bcs.tracker}, for partners' watchlist alerts. Scheduling sends the notices
 * to partners' contacts.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(PartnerProperties.class)
class PartnerConfiguration {

	static final String GROUP = "publishing-service-partners";

	static final String EMBARGOED_GROUP = "publishing-service-partners-embargoed";

	static final String ALERTS_GROUP = "publishing-service-partner-alerts";

	@Bean
	EventSubscription partnerEventsFromPublicStream(PartnerEventLog log) {
		return new EventSubscription(GROUP, Announcer.PUBLIC_TOPIC, log::record);
	}

	/**
	 * Tracker's own topic, for the one type meant for partners there: each partner's
	 * watchlist alerts, kept for that partner alone. Every other tracker event is either
	 * on {@code bcs.public} too (and logged from there, under the same id) or internal.
	 */
	@Bean
	EventSubscription partnerAlertsFromTracker(PartnerEventLog log) {
		return new EventSubscription(ALERTS_GROUP, TrackerEvents.TOPIC, event -> {
			if (WatchlistMatched.TYPE.equals(event.type())) {
				log.recordAlert(event);
			}
		});
	}

	@Bean
	EventSubscription partnerEventsUnderEmbargo(PartnerEventLog log) {
		return new EventSubscription(EMBARGOED_GROUP, EmbargoEvents.TOPIC, event -> {
			if (EmbargoRecalled.TYPE.equals(event.type())) {
				log.recall(event);
			}
			else {
				log.record(event);
			}
		});
	}

}
