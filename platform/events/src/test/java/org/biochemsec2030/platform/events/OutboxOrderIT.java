package org.biochemsec2030.platform.events;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.biochemsec2030.platform.test.Engines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay's order and its hold on the database while it waits for the broker, against a
 * real PostgreSQL and Kafka, with transactions interleaved by hand: two connections whose
 * steps are ordered by latches, and relay rounds run by the test, so each case happens
 * exactly as written rather than by luck of scheduling.
 *
 * <p>
 * A database of its own, no relay of the application's and no subscriptions: nothing but
 * the test's relays publishes these rows, and nothing but the test's plain Kafka consumer
 * reads them.
 */
@SpringBootTest(classes = OutboxOrderIT.Plumbing.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.application.name=events-order-test", "bcs.events.relay.enabled=false",
				"bcs.events.topics[0].name=" + OutboxOrderIT.TOPIC, "bcs.events.topics[0].partitions=3",
				"bcs.events.topics[0].retention=1d" })
class OutboxOrderIT {

	static final String TOPIC = "test.order";

	private static final String TYPE = "org.biochemsec2030.test.step.v1";

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> Engines.database("events_order"));
		registry.add("spring.datasource.username", () -> "events_order");
		registry.add("spring.datasource.password", () -> "events_order");
		registry.add("spring.kafka.bootstrap-servers", () -> Engines.kafka().getBootstrapServers());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Plumbing {

	}

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	KafkaTemplate<String, byte[]> eventsKafkaTemplate;

	@Autowired
	EventsProperties events;

	@Autowired
	JsonMapper json;

	/** Its own threads: the common pool may have one, and the interleavings block. */
	private final ExecutorService sessions = Executors.newCachedThreadPool();

	@AfterEach
	void publishWhatIsLeft() {
		this.sessions.shutdownNow();
		// Leaves the table as the next test expects it: nothing pending.
		OutboxRelay relay = relay(this.eventsKafkaTemplate);
		await().atMost(PATIENCE).until(() -> {
			relay.publishRound();
			return pending() == 0;
		});
	}

	@Test
	void aLowerIdThatCommitsLastIsStillPublishedFirst() {
		String aggregate = "aggregate-" + UUID.randomUUID();
		OutboxRelay relay = relay(this.eventsKafkaTemplate);
		CountDownLatch firstWritten = new CountDownLatch(1);
		CountDownLatch commitFirst = new CountDownLatch(1);

		// Transaction 1 takes the lower id and stays open.
		CompletableFuture<Void> first = CompletableFuture
			.runAsync(() -> this.transactions.executeWithoutResult((tx) -> {
				append(aggregate, "first");
				firstWritten.countDown();
				awaitLatch(commitFirst);
			}), this.sessions);
		awaitLatch(firstWritten);
		// Transaction 2 takes the higher id and commits while 1 is open; a round runs.
		this.transactions.executeWithoutResult((tx) -> append(aggregate, "second"));
		relay.publishRound();
		// Now the lower id commits, and rounds go on until nothing is left.
		commitFirst.countDown();
		first.join();
		publishAll(relay);

		assertThat(stepsSeenByAConsumer(aggregate, 2)).containsExactly("first", "second");
	}

	@Test
	void aLowerIdIsNotOvertakenEvenByATransactionThatBeganWritingEarlier() {
		String aggregate = "aggregate-" + UUID.randomUUID();
		OutboxRelay relay = relay(this.eventsKafkaTemplate);
		CountDownLatch secondBegan = new CountDownLatch(1);
		CountDownLatch secondAppends = new CountDownLatch(1);
		CountDownLatch firstWritten = new CountDownLatch(1);
		CountDownLatch commitFirst = new CountDownLatch(1);

		// Transaction 2 writes something else first, so its transaction id is the older
		// one; only later does it write its event, with the higher outbox id.
		CompletableFuture<Void> second = CompletableFuture
			.runAsync(() -> this.transactions.executeWithoutResult((tx) -> {
				this.jdbc.update("insert into note (id, title, revision) values (?, 'unrelated', 1)",
						"note-" + UUID.randomUUID());
				secondBegan.countDown();
				awaitLatch(secondAppends);
				append(aggregate, "second");
			}), this.sessions);
		awaitLatch(secondBegan);
		CompletableFuture<Void> first = CompletableFuture
			.runAsync(() -> this.transactions.executeWithoutResult((tx) -> {
				append(aggregate, "first");
				firstWritten.countDown();
				awaitLatch(commitFirst);
			}), this.sessions);
		awaitLatch(firstWritten);
		secondAppends.countDown();
		second.join();
		relay.publishRound();
		commitFirst.countDown();
		first.join();
		publishAll(relay);

		assertThat(stepsSeenByAConsumer(aggregate, 2)).containsExactly("first", "second");
	}

	@Test
	void waitingForTheBrokerHoldsNoTransactionAndNoLock() {
		String aggregate = "aggregate-" + UUID.randomUUID();
		CountDownLatch sending = new CountDownLatch(1);
		CountDownLatch brokerAnswers = new CountDownLatch(1);
		// The real broker behind a client that does not go on until the test says so: a
		// broker as slow as the test needs, without guessing at durations.
		KafkaTemplate<String, byte[]> slowBroker = new KafkaTemplate<>(this.eventsKafkaTemplate.getProducerFactory()) {
			@Override
			public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
				sending.countDown();
				awaitLatch(brokerAnswers);
				return super.send(record);
			}
		};
		OutboxRelay waiting = relay(slowBroker);
		OutboxRelay otherReplica = relay(this.eventsKafkaTemplate);
		this.transactions.executeWithoutResult((tx) -> append(aggregate, "first"));

		CompletableFuture<Integer> round = CompletableFuture.supplyAsync(waiting::publishRound, this.sessions);
		awaitLatch(sending);
		try {
			assertThat(this.jdbc.queryForList("select state from pg_stat_activity where datname = current_database()"
					+ " and pid <> pg_backend_pid() and xact_start is not null", String.class))
				.as("sessions of this database in a transaction while the relay waits for the broker")
				.isEmpty();
			assertThat(this.jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory'",
					Integer.class))
				.as("advisory locks held while the relay waits for the broker")
				.isZero();
			// Writers go on; another replica neither blocks nor sends the same event.
			this.transactions.executeWithoutResult((tx) -> append(aggregate, "second"));
			assertThat(otherReplica.publishRound()).isZero();
		}
		finally {
			brokerAnswers.countDown();
		}

		assertThat(round.join()).isEqualTo(1);
		publishAll(otherReplica);
		assertThat(stepsSeenByAConsumer(aggregate, 2)).containsExactly("first", "second");
	}

	private void append(String aggregate, String step) {
		this.outbox.append(TOPIC, TYPE, aggregate, Map.of("step", step));
	}

	private OutboxRelay relay(KafkaTemplate<String, byte[]> kafka) {
		return new OutboxRelay(this.jdbc, this.transactions, kafka, URI.create("/events-order-test"),
				this.events.relay());
	}

	private void publishAll(OutboxRelay relay) {
		await().atMost(PATIENCE).until(() -> {
			relay.publishRound();
			return pending() == 0;
		});
	}

	private int pending() {
		return this.jdbc.queryForObject("select count(*) from event_outbox where published_at is null", Integer.class);
	}

	private List<String> stepsSeenByAConsumer(String aggregate, int expected) {
		return TopicReader.steps(TOPIC, aggregate, expected, PATIENCE, this.json);
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
				throw new IllegalStateException("The other side of the interleaving never got there");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
