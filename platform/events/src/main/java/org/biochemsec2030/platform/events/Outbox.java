package org.biochemsec2030.platform.events;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.biochemsec2030.contracts.EventContract;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The only way an event leaves a service. It is written to the {@code event_outbox} table
 * inside the transaction of the change it reports: atomicity between the change and the
 * event comes from one local transaction, so a rolled-back change never publishes and a
 * committed one is never lost, whatever the broker is doing. The relay publishes it.
 *
 * <p>
 * Write the event after changing the aggregate: the aggregate's row lock then orders
 * concurrent transactions on it, and outbox ids (the publishing order) follow the order
 * of the changes. Ids are taken at insert and become visible at commit, in any order; the
 * relay never lets a higher id overtake a lower one that is still open.
 */
public class Outbox {

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final TraceContext traceContext;

	private final Runnable afterCommit;

	Outbox(JdbcTemplate jdbc, JsonMapper json, TraceContext traceContext, Runnable afterCommit) {
		this.jdbc = jdbc;
		this.json = json;
		this.traceContext = traceContext;
		this.afterCommit = afterCommit;
	}

	/** Records an event of the contract catalogue; returns its CloudEvents id. */
	public UUID append(String topic, EventContract event) {
		return append(topic, event.eventType(), event.subject(), event);
	}

	/**
	 * Records an event whose data is serialized as JSON; {@code subject} (the aggregate
	 * id) is also the Kafka key, so one aggregate's events stay in order.
	 */
	public UUID append(String topic, String type, String subject, Object data) {
		UUID id = UUID.randomUUID();
		write(topic, id, type, subject, this.json.writeValueAsString(data), null);
		return id;
	}

	/**
	 * Records an event under a given id, held from the relay until {@code notBefore} when
	 * that is set: what {@link Announcer} builds an embargo from.
	 */
	void write(String topic, UUID id, String type, String subject, String data, Instant notBefore) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("An event must be written in the transaction of the change it reports ("
					+ type + "): call the outbox from a @Transactional method");
		}
		String trace = this.traceContext.traceparent();
		// The transaction gets its transaction id (if it has none yet) before it takes an
		// outbox id: the relay's horizon (PublishHorizon) relies on that order.
		this.jdbc.queryForObject("select pg_current_xact_id()", String.class);
		this.jdbc.update(
				"insert into event_outbox (event_id, topic, aggregate_id, type, occurred_at, data, traceparent, not_before)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?)",
				id, topic, subject, type, Timestamp.from(Instant.now()), data, trace,
				(notBefore != null) ? Timestamp.from(notBefore) : null);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Outbox.this.afterCommit.run();
			}
		});
	}

	/**
	 * Takes back the rows of an event that are still held (not yet due, so not yet sent);
	 * returns the topics they were for.
	 */
	List<String> takeBackHeld(UUID id, Duration margin) {
		return this.jdbc.queryForList(
				"delete from event_outbox where event_id = ? and published_at is null"
						+ " and not_before > now() + make_interval(secs => ?) returning topic",
				String.class, id, (double) margin.toSeconds());
	}

}
