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
 * Every replica of a service runs a relay, but a round only proceeds while it holds a
 * transaction-scoped PostgreSQL advisory lock, so exactly one replica publishes at a time
 * and rounds follow one another: one aggregate's events can never overtake each other,
 * and a replica that dies mid-round releases the lock with its connection. A round that
 * fails (broker away, timeout) rolls back and is tried again: delivery is at least once
 * and in order of first delivery, and consumers drop repeats by event id.
 */
public class OutboxRelay implements SmartLifecycle {

	/**
	 * Any fixed number: each service has its own database, so no other lock shares it.
	 */
	static final long LOCK = 0x6263735f6f757462L;

	private static final Log logger = LogFactory.getLog(OutboxRelay.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, byte[]> kafka;

	private final URI source;

	private final EventsProperties.Relay settings;

	private final Semaphore wake = new Semaphore(0);

	private final AtomicLong failedRounds = new AtomicLong();

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
	 * Publishes one batch; returns how many events went out (0 if another replica leads).
	 */
	int publishRound() {
		Integer published = this.transactions.execute((status) -> {
			Boolean leader = this.jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK);
			if (!Boolean.TRUE.equals(leader)) {
				return 0;
			}
			List<Pending> batch = this.jdbc.query(
					"select id, event_id, topic, aggregate_id, type, occurred_at, data, traceparent from event_outbox"
							+ " where published_at is null order by id limit ?",
					(rs, row) -> new Pending(rs.getLong("id"), rs.getObject("event_id", UUID.class),
							rs.getString("topic"), rs.getString("aggregate_id"), rs.getString("type"),
							rs.getTimestamp("occurred_at").toInstant(), rs.getString("data"),
							rs.getString("traceparent")),
					this.settings.batchSize());
			if (batch.isEmpty()) {
				return 0;
			}
			// One producer, idempotent, sending in id order: Kafka keeps that order per
			// partition, and every aggregate maps to one partition by its key. Without
			// broker metadata each send blocks up to the send timeout, so a round stops
			// sending at its first failure or when its time is up, and marks only what
			// went out (a prefix, so the order holds).
			long deadline = System.nanoTime() + this.settings.sendTimeout().toNanos();
			List<CompletableFuture<?>> sends = new ArrayList<>();
			for (Pending event : batch) {
				CompletableFuture<?> send = this.kafka.send(record(event));
				sends.add(send);
				if (send.isCompletedExceptionally() || System.nanoTime() > deadline) {
					break;
				}
			}
			await(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)));
			Long[] ids = batch.subList(0, sends.size()).stream().map(Pending::id).toArray(Long[]::new);
			this.jdbc.update("update event_outbox set published_at = now() where id = any(?)",
					(ps) -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids)));
			return ids.length;
		});
		return (published != null) ? published : 0;
	}

	private void await(CompletableFuture<?> sends) {
		try {
			sends.get(this.settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
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

	record Pending(long id, UUID eventId, String topic, String aggregateId, String type, Instant occurredAt,
			String data, String traceparent) {

	}

}
