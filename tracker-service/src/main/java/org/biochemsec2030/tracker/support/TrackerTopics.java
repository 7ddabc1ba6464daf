package org.biochemsec2030.tracker.support;

import org.biochemsec2030.contracts.EventContract;
import org.biochemsec2030.contracts.tracker.TrackerEvents;
import org.biochemsec2030.platform.events.Announcements;

import org.springframework.stereotype.Component;

/**
 * Announces a tracker change: always on {@code bcs.tracker}, and on {@code bcs.public}
 * when the catalogue marks the type partner-facing (publication; assessments never). Both
 * go through the outbox, in the change's transaction. What a public event holds is the
 * hazard gate's business: only its public view of a development is ever put in one.
 */
@Component
public class TrackerTopics {

	private final Announcements announcements;

	TrackerTopics(Announcements announcements) {
		this.announcements = announcements;
	}

	public void announce(EventContract event) {
		this.announcements.announce(TrackerEvents.TOPIC, TrackerEvents.ALL, event);
	}

}
