package org.biochemsec2030.publishing.support;

import org.biochemsec2030.contracts.EventContract;
import org.biochemsec2030.contracts.EventType;
import org.biochemsec2030.contracts.publishing.PublishingEvents;
import org.biochemsec2030.platform.events.Outbox;

import org.springframework.stereotype.Component;

/**
 * Announces a publishing change: always on {@code bcs.publishing}, and on
 * {@code bcs.public} when the catalogue marks the type partner-facing. Both through the
 * outbox, in the change's transaction: no event for a rolled-back change, none lost while
 * Kafka is away.
 */
@Component
public class PublishingTopics {

	public static final String PUBLIC = "bcs.public";

	private final Outbox outbox;

	PublishingTopics(Outbox outbox) {
		this.outbox = outbox;
	}

	public void announce(EventContract event) {
		this.outbox.append(PublishingEvents.TOPIC, event);
		boolean partnerFacing = PublishingEvents.ALL.stream()
			.filter(type -> type.type().equals(event.eventType()))
			.anyMatch(EventType::partnerFacing);
		if (partnerFacing) {
			this.outbox.append(PUBLIC, event);
		}
	}

}
