package org.biochemsec2030.publishing.support;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.contracts.EventContract;
import org.biochemsec2030.contracts.embargo.EmbargoRecalled;
import org.biochemsec2030.contracts.publishing.PublishingEvents;
import org.biochemsec2030.platform.events.Announcer;

import org.springframework.stereotype.Component;

/**
 * Announces a publishing change: always on {@code bcs.publishing}, and on
 * {@code bcs.public} when the catalogue marks the type partner-facing. Both through the
 * outbox, in the change's transaction: no event for a rolled-back change, none lost while
 * Kafka is away.
 */
@Component
public class PublishingTopics {

	private final Announcer announcer;

	PublishingTopics(Announcer announcer) {
		this.announcer = announcer;
	}

	public void announce(EventContract event) {
		this.announcer.announce(PublishingEvents.TOPIC, PublishingEvents.ALL, event);
	}

	/**
	 * Announces a public event to trusted partners now and to everyone (its own topic,
	 * {@code bcs.public}) at {@code until}; returns its id.
	 */
	public UUID announceUnderEmbargo(EventContract event, Instant until) {
		return this.announcer.announceUnderEmbargo(PublishingEvents.TOPIC, PublishingEvents.ALL, event, until);
	}

	/** Takes back an embargoed announcement; empty when it is too late to. */
	public Optional<EmbargoRecalled> recall(UUID id, String type, String subject) {
		return this.announcer.recall(id, type, subject);
	}

}
