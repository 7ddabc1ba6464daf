package org.biochemsec2030.content.announce;

import org.biochemsec2030.contracts.network.MeetingScheduled;
import org.biochemsec2030.contracts.network.NetworkEvents;
import org.biochemsec2030.contracts.publishing.PaperPublished;
import org.biochemsec2030.contracts.publishing.PublishingEvents;
import org.biochemsec2030.contracts.tracker.DevelopmentPublished;
import org.biochemsec2030.contracts.tracker.TrackerEvents;
import org.biochemsec2030.platform.events.EventSubscription;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One subscription per upstream topic. The producers' own topics are read rather than
 * {@code bcs.public}: they are the producers' complete, ordered record, and
 * {@code bcs.public} also carries this service's own events. Other event types on these
 * topics are skipped (and marked handled in the inbox).
 */
@Configuration(proxyBeanMethods = false)
class AnnouncementSubscriptions {

	static final String GROUP = "content-service";

	@Bean
	EventSubscription papersToAnnounce(Announcements announcements, JsonMapper json) {
		return new EventSubscription(GROUP, PublishingEvents.TOPIC, event -> {
			if (PaperPublished.TYPE.equals(event.type())) {
				announcements.paper(event.data(json, PaperPublished.class));
			}
		});
	}

	@Bean
	EventSubscription meetingsToAnnounce(Announcements announcements, JsonMapper json) {
		return new EventSubscription(GROUP, NetworkEvents.TOPIC, event -> {
			if (MeetingScheduled.TYPE.equals(event.type())) {
				announcements.meeting(event.data(json, MeetingScheduled.class));
			}
		});
	}

	@Bean
	EventSubscription developmentsToAnnounce(Announcements announcements, JsonMapper json) {
		return new EventSubscription(GROUP, TrackerEvents.TOPIC, event -> {
			if (DevelopmentPublished.TYPE.equals(event.type())) {
				announcements.development(event.data(json, DevelopmentPublished.class));
			}
		});
	}

}
