package org.biochemsec2030.publishing.partner;

import org.biochemsec2030.platform.events.EventSubscription;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Partner subscriptions read {@code bcs.public}, the partner-facing stream every producer
 * writes its public events to: the log keeps each under the id it has there, so webhooks,
 * the pull log and Kafka readers see one id per event. Scheduling sends the notices to
 * partners' contacts.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(PartnerProperties.class)
class PartnerConfiguration {

	static final String GROUP = "publishing-service-partners";

	static final String PUBLIC_TOPIC = "bcs.public";

	@Bean
	EventSubscription partnerEventsFromPublicStream(PartnerEventLog log) {
		return new EventSubscription(GROUP, PUBLIC_TOPIC, log::record);
	}

}
