package org.biochemsec2030.content.support;

import org.biochemsec2030.contracts.EventContract;
import org.biochemsec2030.contracts.EventType;
import org.biochemsec2030.contracts.content.ContentEvents;
import org.biochemsec2030.platform.events.Outbox;

import org.springframework.stereotype.Component;

/**
 * Announces a content change: always on {@code bcs.content}, and on {@code bcs.public}
 * when the catalogue marks the type partner-facing. Both go through the outbox, in the
 * change's transaction.
 */
@Component
public class ContentTopics {

	public static final String PUBLIC = "bcs.public";

	private final Outbox outbox;

	ContentTopics(Outbox outbox) {
		this.outbox = outbox;
	}

	public void announce(EventContract event) {
		this.outbox.append(ContentEvents.TOPIC, event);
		boolean partnerFacing = ContentEvents.ALL.stream()
			.filter(type -> type.type().equals(event.eventType()))
			.anyMatch(EventType::partnerFacing);
		if (partnerFacing) {
			this.outbox.append(PUBLIC, event);
		}
	}

}
