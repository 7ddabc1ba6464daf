package org.biochemsec2030.publishing.support;

import org.biochemsec2030.contracts.EventContract;
import org.biochemsec2030.contracts.publishing.PublishingEvents;
import org.biochemsec2030.platform.events.Announcements;

import org.springframework.stereotype.Component;

/**
 * Announces a publishing change: always on {@code bcs.publishing}, and on
 * {@code bcs.public} when the catalogue marks the type partner-facing. Both through the
 * outbox, in the change's transaction: no event for a rolled-back change, none lost while
 * Kafka is away.
 */
@Component
public class PublishingTopics {

	private final Announcements announcements;

	PublishingTopics(Announcements announcements) {
		this.announcements = announcements;
	}

	public void announce(EventContract event) {
		this.announcements.announce(PublishingEvents.TOPIC, PublishingEvents.ALL, event);
	}

}
