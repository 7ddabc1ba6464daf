package org.biochemsec2030.platform.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka in id order and marks them sent.
 *
 * <p>
 * A round reads only rows below the {@link PublishHorizon}, so a lower id still held by
 * an open transaction is never overtaken by a higher one that committed first. It holds
 * no transaction and no lock while it waits for the broker: it takes the relay lease
 * (table {@code event_relay_lease}) in a statement of its own, reads a batch, sends it
 * with no connection held, then marks what the broker acknowledged and gives the lease
 * back in one short transaction.
 *
 * <p>
 * Every replica of a service runs a relay; the lease lets one publish at a time, so the
 * others neither wait nor send the same rows twice. Order does not rest on the lease: a
 * relay marks only rows the broker has acknowledged, and sends, in id order, every
 * unmarked row below the horizon up to the one it sends. So whatever two relays do at
 * once (one paused past its lease while another took over), each row's first copy in its
 * partition comes after those of all lower rows of its key; the worst case is a repeat,
 * which consumers drop by event id. A replica that dies mid-round leaves its lease to
 * expire. Delivery is at least once and in order of first delivery.
 */
public class OutboxRelay implements SmartLifecycle {

	/**
	 * A row ready to go: neither it nor an earlier unpublished row of its aggregate on
	 * its topic is held for a later time (an embargo, see {@link Announcer}). Holding the
	 * followers too keeps one aggregate's events in order on its partition.
	 */
	static final String NOT_HELD = "not exists (select 1 from event_outbox h where h.published_at is null"
			+ " and h.not_before > now() and h.topic = o.topic and h.aggregate_id = o.aggregate_id and h.id <= o.id)";

	/** The one lease of a service's database (each service has its own). */
	static final String LEASE = "outbox";

	private static final Log logger = LogFactory.getLog(OutboxRelay.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, byte[]> kafka;

	private final URI source;

	private final EventsProperties.Relay settings;

	private final Semaphore wake = new Semaphore(0);

	private final AtomicLong failedRounds = new AtomicLong();

	/** Who holds the lease: unique per relay, so a restarted replica is a new holder. */
	private final String holder = UUID.randomUUID().toString();

	private final PublishHorizon horizon = new PublishHorizon();

	private volatile boolean running;

	private Thread thread;

	private long lastCleanup;

	OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaTemplate<String, byte[]> kafka, URI source,
			EventsProperties.Relay settings) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.kafka = kafka;
		this.source = source;
		this.settings = settings;
	}

	/**
	 * Called after a commit that wrote events: publish now rather than at the next poll.
	 */
	void wakeUp() {
		this.wake.release();
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().daemon().name("outbox-relay").start(this::run);
	}

	@Override
	public void stop() {
		this.running = false;
		this.wake.release();
		try {
			this.thread.join(this.settings.sendTimeout().toMillis() + 1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Rounds that could not publish since start (broker away, timeouts). */
	public long failedRounds() {
		return this.failedRounds.get();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		int failures = 0;
		while (this.running) {
			long wait = this.settings.pollInterval().toMillis();
			try {
				int published = publishRound();
				failures = 0;
				if (published > 0) {
					// More may be waiting (a full batch, a round cut short, rows
					// committed
					// meanwhile): go on until a round finds nothing.
					continue;
				}
				cleanUpNowAndThen();
				if (this.horizon.waiting()) {
					// Rows may wait only for an open transaction to end: look again soon
					// rather than at the next poll.
					wait = Math.max(1, wait / 10);
				}
			}
			catch (RuntimeException ex) {
				failures++;
				this.failedRounds.incrementAndGet();
				// One line per outage, not one per round: the events are safe in the
				// table.
				if (failures == 1) {
					logger.warn("Outbox relay cannot publish, will keep trying: " + ex.getMessage());
				}
				wait = Math.min(wait * failures, 10 * wait);
			}
			try {
				this.wake.tryAcquire(wait, TimeUnit.MILLISECONDS);
				this.wake.drainPermits();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Publishes one batch; returns how many events went out (0 if another replica holds
	 * the lease or nothing is settled yet).
	 */
	int publishRound() {
		// An idle round only reads: no lease taken and given back (two writes) every
		// poll interval of every replica.
		if (!Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from event_outbox o where o.published_at is null and " + NOT_HELD + ")",
				Boolean.class))) {
			return 0;
		}
		if (!claimLease()) {
			return 0;
		}
		Sent sent;
		try {
			long settled = this.horizon.settledId(this::oldestRunningXid, this::watermark);
			List<Pending> batch = this.jdbc.query(
					"select id, event_id, topic, aggregate_id, type, occurred_at, data, traceparent from event_outbox o"
							+ " where published_at is null and id <= ? and " + NOT_HELD + " order by id limit ?",
					(rs, row) -> new Pending(rs.getLong("id"), rs.getObject("event_id", UUID.class),
							rs.getString("topic"), rs.getString("aggregate_id"), rs.getString("type"),
							rs.getTimestamp("occurred_at").toInstant(), rs.getString("data"),
							rs.getString("traceparent")),
					settled, this.settings.batchSize());
			sent = send(batch);
		}
		catch (RuntimeException ex) {
			try {
				markAndRelease(List.of());
			}
			catch (RuntimeException releaseFailed) {
				// The database is away: the lease expires by itself.
				ex.addSuppressed(releaseFailed);
			}
			throw ex;
		}
		// If this fails (database away), the acknowledged rows go out again later:
		// repeats, which consumers drop.
		markAndRelease(sent.acknowledged());
		if (sent.failure() != null) {
			throw sent.failure();
		}
		return sent.acknowledged().size();
	}

	/**
	 * Sends in id order with one idempotent producer: Kafka keeps that order per
	 * partition, and every aggregate maps to one partition by its key. Without broker
	 * metadata each send blocks up to the send timeout, so sending stops at the first
	 * failure or when its time is up. What counts is the prefix of the batch the broker
	 * acknowledged: marking exactly that keeps the order.
	 */
	private Sent send(List<Pending> batch) {
		long deadline = System.nanoTime() + this.settings.sendTimeout().toNanos();
		List<CompletableFuture<?>> sends = new ArrayList<>();
		for (Pending event : batch) {
			CompletableFuture<?> send;
			try {
				send = this.kafka.send(record(event));
			}
			catch (RuntimeException ex) {
				send = CompletableFuture.failedFuture(ex);
			}
			sends.add(send);
			if (send.isCompletedExceptionally() || System.nanoTime() > deadline) {
				break;
			}
		}
		long acknowledgedBy = System.nanoTime() + this.settings.sendTimeout().toNanos();
		List<Long> acknowledged = new ArrayList<>();
		for (int i = 0; i < sends.size(); i++) {
			try {
				await(sends.get(i), acknowledgedBy);
			}
			catch (IllegalStateException ex) {
				return new Sent(acknowledged, ex);
			}
			acknowledged.add(batch.get(i).id());
		}
		return new Sent(acknowledged, null);
	}

	/**
	 * One short transaction: what went out is marked, and the lease goes back so that any
	 * replica (woken by its own commits) can take the next round at once.
	 */
	private void markAndRelease(List<Long> sent) {
		this.transactions.executeWithoutResult((status) -> {
			if (!sent.isEmpty()) {
				Long[] ids = sent.toArray(Long[]::new);
				this.jdbc.update("update event_outbox set published_at = now() where id = any(?)",
						(ps) -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids)));
			}
			this.jdbc.update("delete from event_relay_lease where name = ? and holder = ?", LEASE, this.holder);
		});
	}

	/**
	 * Takes the lease if it is free, expired or already this relay's, in a statement of
	 * its own. It outlasts the longest round (sending and awaiting acknowledgements, each
	 * bounded by the send timeout) with room to spare; a round that overruns it anyway
	 * costs repeats, not order.
	 */
	private boolean claimLease() {
		long leaseMillis = this.settings.sendTimeout().multipliedBy(3).toMillis();
		List<String> claimed = this.jdbc.queryForList("insert into event_relay_lease (name, holder, expires_at)"
				+ " values (?, ?, now() + ? * interval '1 millisecond')"
				+ " on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at"
				+ " where event_relay_lease.holder = excluded.holder or event_relay_lease.expires_at < now()"
				+ " returning holder", String.class, LEASE, this.holder, leaseMillis);
		return !claimed.isEmpty();
	}

	/** Sequence first, snapshot in a later statement: see {@link PublishHorizon}. */
	private PublishHorizon.Watermark watermark() {
		Long lastId = this.jdbc.queryForObject(
				"select pg_sequence_last_value(pg_get_serial_sequence('event_outbox', 'id')::regclass)", Long.class);
		return this.jdbc.queryForObject(
				"select pg_snapshot_xmax(s)::text::bigint, pg_snapshot_xmin(s)::text::bigint from pg_current_snapshot() s",
				(rs, row) -> new PublishHorizon.Watermark((lastId != null) ? lastId : 0, rs.getLong(1), rs.getLong(2)));
	}

	private long oldestRunningXid() {
		return this.jdbc.queryForObject("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint", Long.class);
	}

	private void await(CompletableFuture<?> send, long deadline) {
		long remaining = Math.max(0, deadline - System.nanoTime());
		try {
			send.get(remaining, TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Kafka refused the batch", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Kafka did not acknowledge the batch within " + this.settings.sendTimeout(),
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing", ex);
		}
	}

	ProducerRecord<String, byte[]> record(Pending event) {
		CloudEventBuilder builder = CloudEventBuilder.v1()
			.withId(event.eventId().toString())
			.withSource(this.source)
			.withType(event.type())
			.withSubject(event.aggregateId())
			.withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
			.withDataContentType("application/json")
			.withData(event.data().getBytes(StandardCharsets.UTF_8));
		if (event.traceparent() != null) {
			builder.withExtension("traceparent", event.traceparent());
		}
		CloudEvent cloudEvent = builder.build();
		ProducerRecord<String, byte[]> record = KafkaMessageFactory
			.<String>createWriter(event.topic(), event.aggregateId())
			.writeBinary(cloudEvent);
		if (event.traceparent() != null) {
			// Also as the plain W3C header, which Kafka tracing instrumentation reads.
			record.headers().add("traceparent", event.traceparent().getBytes(StandardCharsets.US_ASCII));
		}
		return record;
	}

	private void cleanUpNowAndThen() {
		long now = System.currentTimeMillis();
		if (now - this.lastCleanup < 60_000) {
			return;
		}
		this.lastCleanup = now;
		this.jdbc.update("delete from event_outbox where published_at < ?",
				Timestamp.from(Instant.now().minus(this.settings.keepPublished())));
	}

	/** The acknowledged prefix of a batch, and why the rest did not go out. */
	private record Sent(List<Long> acknowledged, IllegalStateException failure) {

	}

	record Pending(long id, UUID eventId, String topic, String aggregateId, String type, Instant occurredAt,
			String data, String traceparent) {

	}

}
