package org.biochemsec2030.network.support;

import org.biochemsec2030.contracts.EventContract;
import org.biochemsec2030.contracts.EventType;
import org.biochemsec2030.contracts.network.NetworkEvents;
import org.biochemsec2030.platform.events.Outbox;

import org.springframework.stereotype.Component;

/**
 * Announces a network change: always on {@code bcs.network}, and on {@code bcs.public}
 * when the catalogue marks the type partner-facing (meetings; member events never). Both
 * go through the outbox, in the change's transaction.
 */
@Component
public class NetworkTopics {

	public static final String PUBLIC = "bcs.public";

	private final Outbox outbox;

	NetworkTopics(Outbox outbox) {
		this.outbox = outbox;
	}

	public void announce(EventContract event) {
		this.outbox.append(NetworkEvents.TOPIC, event);
		boolean partnerFacing = NetworkEvents.ALL.stream()
			.filter(type -> type.type().equals(event.eventType()))
			.anyMatch(EventType::partnerFacing);
		if (partnerFacing) {
			this.outbox.append(PUBLIC, event);
		}
	}

}
