package org.biochemsec2030.tracker.support;

import org.biochemsec2030.contracts.EventContract;
import org.biochemsec2030.contracts.tracker.TrackerEvents;
import org.biochemsec2030.platform.events.Announcer;

import org.springframework.stereotype.Component;

/**
 * Announces a tracker change: always on {@code bcs.tracker}, and on {@code bcs.public}
 * when the catalogue marks the type partner-facing (publication; assessments never). Both
 * go through the outbox, in the change's transaction. What a public event holds is the
 * hazard gate's business: only its public view of a development is ever put in one.
 */
@Component
public class TrackerTopics {

	private final Announcer announcer;

	TrackerTopics(Announcer announcer) {
		this.announcer = announcer;
	}

	public void announce(EventContract event) {
		this.announcer.announce(TrackerEvents.TOPIC, TrackerEvents.ALL, event);
	}

}
