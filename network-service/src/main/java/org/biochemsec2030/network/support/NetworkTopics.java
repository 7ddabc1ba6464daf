package org.biochemsec2030.network.support;

import org.biochemsec2030.contracts.EventContract;
import org.biochemsec2030.contracts.network.NetworkEvents;
import org.biochemsec2030.platform.events.Announcer;

import org.springframework.stereotype.Component;

/**
 * Announces a network change: always on {@code bcs.network}, and on {@code bcs.public}
 * when the catalogue marks the type partner-facing (meetings; member events never). Both
 * go through the outbox, in the change's transaction.
 */
@Component
public class NetworkTopics {

	private final Announcer announcer;

	NetworkTopics(Announcer announcer) {
		this.announcer = announcer;
	}

	public void announce(EventContract event) {
		this.announcer.announce(NetworkEvents.TOPIC, NetworkEvents.ALL, event);
	}

}
