package org.biochemsec2030.platform.events;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.contracts.EventContract;
import org.biochemsec2030.contracts.EventType;
import org.biochemsec2030.contracts.embargo.EmbargoEvents;
import org.biochemsec2030.contracts.embargo.EmbargoRecalled;
import org.biochemsec2030.platform.test.Engines;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rows held in the outbox until a time (what embargoes are made of), against a real
 * PostgreSQL and Kafka, with relay rounds run by the test: a held row and the later rows
 * of its aggregate wait while other aggregates go on; a held row can be taken back until
 * shortly before its time; an embargoed announcement is one id on three topics, only one
 * of them at once.
 */
@SpringBootTest(classes = OutboxHoldIT.Plumbing.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.application.name=events-hold-test", "bcs.events.relay.enabled=false",
				"bcs.events.topics[0].name=" + OutboxHoldIT.TOPIC, "bcs.events.topics[0].partitions=3",
				"bcs.events.topics[0].retention=1d" })
class OutboxHoldIT {

	static final String TOPIC = "test.hold";

	private static final String TYPE = "org.biochemsec2030.test.step.v1";

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> Engines.database("events_hold"));
		registry.add("spring.datasource.username", () -> "events_hold");
		registry.add("spring.datasource.password", () -> "events_hold");
		registry.add("spring.kafka.bootstrap-servers", () -> Engines.kafka().getBootstrapServers());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Plumbing {

	}

	@Autowired
	Outbox outbox;

	@Autowired
	Announcer announcer;

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

	@Test
	void aHeldRowAndTheLaterRowsOfItsAggregateWaitWhileOthersGoOn() {
		String held = "held-" + UUID.randomUUID();
		String other = "other-" + UUID.randomUUID();
		UUID heldId = UUID.randomUUID();
		this.transactions.executeWithoutResult((tx) -> {
			this.outbox.write(TOPIC, heldId, TYPE, held, "{\"step\":\"embargoed\"}", Instant.now().plusSeconds(3));
			this.outbox.append(TOPIC, TYPE, held, Map.of("step", "after it"));
			this.outbox.append(TOPIC, TYPE, other, Map.of("step", "free"));
		});
		OutboxRelay relay = relay();

		// Everything not held goes out at once; the held row and its follower stay.
		await().atMost(PATIENCE).until(() -> {
			relay.publishRound();
			return unpublished(other) == 0;
		});
		assertThat(unpublished(held)).isEqualTo(2);
		assertThat(stepsSeenByAConsumer(other, 1)).containsExactly("free");
		assertThat(stepsSeenByAConsumer(held, 0)).isEmpty();

		// Once its time has come both go, in their order.
		await().atMost(PATIENCE).until(() -> {
			relay.publishRound();
			return unpublished(held) == 0;
		});
		assertThat(stepsSeenByAConsumer(held, 2)).containsExactly("embargoed", "after it");
	}

	@Test
	void aHeldRowCanBeTakenBackUntilShortlyBeforeItsTime() {
		String aggregate = "recall-" + UUID.randomUUID();
		UUID later = UUID.randomUUID();
		UUID soon = UUID.randomUUID();
		this.transactions.executeWithoutResult((tx) -> {
			this.outbox.write(TOPIC, later, TYPE, aggregate, "{}", Instant.now().plus(Duration.ofMinutes(10)));
			this.outbox.write(TOPIC, soon, TYPE, aggregate, "{}", Instant.now().plusSeconds(10));
		});
		List<String> tooLate = this.transactions.execute((tx) -> this.outbox.takeBackHeld(soon, Announcer.LAST_RECALL));
		List<String> takenBack = this.transactions
			.execute((tx) -> this.outbox.takeBackHeld(later, Announcer.LAST_RECALL));

		assertThat(takenBack).containsExactly(TOPIC);
		assertThat(tooLate).isEmpty();
		assertThat(rows(later)).isZero();
		assertThat(rows(soon)).isOne();
		// Leaves nothing pending for the other test's consumer reads.
		this.jdbc.update("delete from event_outbox where event_id = ?", soon);
	}

	@Test
	void anEmbargoedAnnouncementIsOneIdOnThreeTopicsAndOnlyTheEmbargoedOneGoesAtOnce() {
		String paper = UUID.randomUUID().toString();
		Instant until = Instant.now().plus(Duration.ofHours(1));
		List<EventType> catalogue = List.of(new EventType(Announced.TYPE, Announced.class, true));
		UUID id = this.transactions
			.execute((tx) -> this.announcer.announceUnderEmbargo(TOPIC, catalogue, new Announced(paper), until));

		List<Map<String, Object>> rows = this.jdbc
			.queryForList("select topic, not_before, data from event_outbox where event_id = ? order by topic", id);
		assertThat(rows).extracting((row) -> row.get("topic"))
			.containsExactly(EmbargoEvents.TOPIC, Announcer.PUBLIC_TOPIC, TOPIC);
		assertThat(rows).extracting((row) -> row.get("not_before") != null).containsExactly(false, true, true);
		assertThat(rows).allSatisfy(
				(row) -> assertThat(this.json.readTree((String) row.get("data")).path(EmbargoEvents.FIELD).asString())
					.isEqualTo(until.toString()));

		// Recalled: the held rows go, and the notice follows on the embargoed topic.
		EmbargoRecalled recalled = this.transactions.execute((tx) -> this.announcer.recall(id, Announced.TYPE, paper))
			.orElseThrow();
		assertThat(recalled.announcementId()).isEqualTo(id.toString());
		assertThat(this.jdbc.queryForList("select topic from event_outbox where event_id = ?", String.class, id))
			.containsExactly(EmbargoEvents.TOPIC);
		assertThat(this.jdbc.queryForList("select type from event_outbox where aggregate_id = ? order by id",
				String.class, paper))
			.containsExactly(Announced.TYPE, EmbargoRecalled.TYPE);
		// A second recall finds nothing to take back.
		Optional<EmbargoRecalled> again = this.transactions
			.execute((tx) -> this.announcer.recall(id, Announced.TYPE, paper));
		assertThat(again).isEmpty();
		this.jdbc.update("delete from event_outbox where aggregate_id = ?", paper);
	}

	record Announced(String paperId) implements EventContract {

		static final String TYPE = "org.biochemsec2030.test.announced.v1";

		@Override
		public String eventType() {
			return TYPE;
		}

		@Override
		public String subject() {
			return this.paperId;
		}

	}

	private OutboxRelay relay() {
		return new OutboxRelay(this.jdbc, this.transactions, this.eventsKafkaTemplate, URI.create("/events-hold-test"),
				this.events.relay());
	}

	private int unpublished(String aggregate) {
		return this.jdbc.queryForObject(
				"select count(*) from event_outbox where published_at is null and aggregate_id = ?", Integer.class,
				aggregate);
	}

	private int rows(UUID id) {
		return this.jdbc.queryForObject("select count(*) from event_outbox where event_id = ?", Integer.class, id);
	}

	private List<String> stepsSeenByAConsumer(String aggregate, int expected) {
		return TopicReader.steps(TOPIC, aggregate, expected, PATIENCE, this.json);
	}

}
