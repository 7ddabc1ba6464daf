package org.biochemsec2030.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.contracts.EventContract;
import org.biochemsec2030.contracts.EventType;
import org.biochemsec2030.contracts.embargo.EmbargoEvents;
import org.biochemsec2030.contracts.embargo.EmbargoRecalled;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a service announces a change of its own: always on its own topic, and on
 * {@code bcs.public} as well when its catalogue marks the type partner-facing. Every
 * write goes through the {@link Outbox}, in the change's transaction.
 *
 * <p>
 * A partner-facing event may be announced <em>under embargo</em>: it is written once,
 * under one id, to {@link EmbargoEvents#TOPIC} at once (only the partner subscriptions
 * read it, and only trusted partners get it before the end) and held in the outbox for
 * {@code bcs.public} and the service's own topic until the embargo ends, so neither Kafka
 * readers nor the service's own consumers (its search index, content's announcement
 * drafts) see it early. Until shortly before the end it can be recalled: the held rows
 * are taken back and a {@link EmbargoRecalled} notice follows the announcement.
 */
public class Announcer {

	/** The topic of public events, for partners and the suite's own readers of them. */
	public static final String PUBLIC_TOPIC = "bcs.public";

	/**
	 * How close to its end an embargo can no longer be recalled: the relay may be sending
	 * the event already, and a recall must never race a publication.
	 */
	public static final Duration LAST_RECALL = Duration.ofSeconds(30);

	private final Outbox outbox;

	private final JsonMapper json;

	private final Clock clock;

	Announcer(Outbox outbox, JsonMapper json, Clock clock) {
		this.outbox = outbox;
		this.json = json;
		this.clock = clock;
	}

	/** Announces the event now, on {@code bcs.public} too if it is partner-facing. */
	public void announce(String ownTopic, Collection<EventType> catalogue, EventContract event) {
		this.outbox.append(ownTopic, event);
		if (partnerFacing(catalogue, event)) {
			this.outbox.append(PUBLIC_TOPIC, event);
		}
	}

	/**
	 * Announces a partner-facing event to trusted partners now and to everyone at
	 * {@code until}; its data gains {@link EmbargoEvents#FIELD}. Returns the event's id,
	 * the same on every topic, which {@link #recall} takes.
	 */
	public UUID announceUnderEmbargo(String ownTopic, Collection<EventType> catalogue, EventContract event,
			Instant until) {
		if (!partnerFacing(catalogue, event)) {
			throw new IllegalArgumentException(event.eventType() + " is internal: only public events have embargoes");
		}
		if (!until.isAfter(this.clock.instant().plus(LAST_RECALL))) {
			throw new IllegalArgumentException(
					"An embargo must end more than " + LAST_RECALL.toSeconds() + " seconds from now, not at " + until);
		}
		ObjectNode data = this.json.valueToTree(event);
		data.put(EmbargoEvents.FIELD, until.toString());
		String body = this.json.writeValueAsString(data);
		UUID id = UUID.randomUUID();
		this.outbox.write(EmbargoEvents.TOPIC, id, event.eventType(), event.subject(), body, null);
		this.outbox.write(ownTopic, id, event.eventType(), event.subject(), body, until);
		this.outbox.write(PUBLIC_TOPIC, id, event.eventType(), event.subject(), body, until);
		return id;
	}

	/**
	 * Takes back an embargoed announcement that has not gone out, and tells the partner
	 * subscriptions. Empty when it can no longer be recalled (its embargo ends within
	 * {@link #LAST_RECALL} or has ended), so the caller can say so.
	 */
	public Optional<EmbargoRecalled> recall(UUID id, String type, String subject) {
		List<String> topics = this.outbox.takeBackHeld(id, LAST_RECALL);
		if (topics.isEmpty()) {
			return Optional.empty();
		}
		EmbargoRecalled recalled = new EmbargoRecalled(id.toString(), type, subject, this.clock.instant());
		this.outbox.append(EmbargoEvents.TOPIC, recalled);
		return Optional.of(recalled);
	}

	private static boolean partnerFacing(Collection<EventType> catalogue, EventContract event) {
		return catalogue.stream()
			.filter(type -> type.type().equals(event.eventType()))
			.anyMatch(EventType::partnerFacing);
	}

}
