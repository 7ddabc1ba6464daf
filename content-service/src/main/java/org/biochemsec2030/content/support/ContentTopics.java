package org.biochemsec2030.content.support;

import org.biochemsec2030.contracts.EventContract;
import org.biochemsec2030.contracts.content.ContentEvents;
import org.biochemsec2030.platform.events.Announcer;

import org.springframework.stereotype.Component;

/**
 * Announces a content change: always on {@code bcs.content}, and on {@code bcs.public}
 * when the catalogue marks the type partner-facing. Both go through the outbox, in the
 * change's transaction.
 */
@Component
public class ContentTopics {

	private final Announcer announcer;

	ContentTopics(Announcer announcer) {
		this.announcer = announcer;
	}

	public void announce(EventContract event) {
		this.announcer.announce(ContentEvents.TOPIC, ContentEvents.ALL, event);
	}

}
