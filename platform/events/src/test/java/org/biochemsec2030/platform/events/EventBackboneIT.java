package org.biochemsec2030.platform.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.biochemsec2030.contracts.EventType;
import org.biochemsec2030.contracts.content.ContentEvents;
import org.biochemsec2030.contracts.content.PostPublished;
import org.biochemsec2030.platform.events.EventsTestApplication.NoteChanged;
import org.biochemsec2030.platform.events.EventsTestApplication.Notes;
import org.biochemsec2030.platform.test.Engines;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The event backbone against a real PostgreSQL and Kafka: what a consumer observes of a
 * producer's changes. Only PostgreSQL and Kafka are started: this module needs no search.
 */
@SpringBootTest(classes = EventsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventBackboneIT {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> Engines.database("events"));
		registry.add("spring.datasource.username", () -> "events");
		registry.add("spring.datasource.password", () -> "events");
		registry.add("spring.kafka.bootstrap-servers", () -> Engines.kafka().getBootstrapServers());
	}

	@LocalServerPort
	int port;

	@Autowired
	Notes notes;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	KafkaTemplate<String, byte[]> eventsKafkaTemplate;

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	OutboxRelay relay;

	@Autowired
	Tracer tracer;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EventsProperties events;

	@Autowired
	MeterRegistry meters;

	@Test
	void rolledBackChangePublishesNothing() {
		String rolledBack = newNoteId();
		String committed = newNoteId();
		assertThatIllegalStateException().isThrownBy(() -> this.notes.changeAndFail(rolledBack, "never"));
		this.notes.change(committed, "after the failed one");

		awaitEffects(committed, 1);
		assertThat(effectsOf(rolledBack)).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from event_outbox where aggregate_id = ?", Integer.class,
				rolledBack))
			.isZero();
	}

	@Test
	void eventsOfOneAggregateArriveInOrder() {
		String first = newNoteId();
		String second = newNoteId();
		for (int i = 1; i <= 40; i++) {
			this.notes.change(first, "first, change " + i);
			this.notes.change(second, "second, change " + i);
		}

		awaitEffects(first, 40);
		awaitEffects(second, 40);
		assertThat(effectsOf(first)).extracting(NoteChanged::revision).isSorted().doesNotHaveDuplicates();
		assertThat(effectsOf(second)).extracting(NoteChanged::revision).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void aSecondReplicasRelayNeitherReordersNorDuplicatesAnAggregatesEvents() {
		OutboxRelay secondReplica = new OutboxRelay(this.jdbc, this.transactions, this.eventsKafkaTemplate,
				URI.create("/events-test"), this.events.relay());
		secondReplica.start();
		try {
			String noteId = newNoteId();
			for (int i = 1; i <= 60; i++) {
				this.notes.change(noteId, "change " + i);
				secondReplica.wakeUp();
			}
			awaitEffects(noteId, 60);
			assertThat(effectsOf(noteId)).extracting(NoteChanged::revision).isSorted().doesNotHaveDuplicates();
			await().atMost(PATIENCE)
				.until(() -> this.jdbc.queryForObject(
						"select count(*) from event_outbox where aggregate_id = ? and published_at is null",
						Integer.class, noteId) == 0);
			// Not only the inbox hides repeats: each event went to Kafka once.
			assertThat(recordsOnTopic(EventsTestApplication.NOTES, noteId)).isEqualTo(60);
		}
		finally {
			secondReplica.stop();
		}
	}

	@Test
	void declaredTopicsAreCreatedWithTheirPartitionsAndRetention() throws Exception {
		try (AdminClient admin = AdminClient
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.kafka().getBootstrapServers()))) {
			var notesTopic = admin.describeTopics(List.of(EventsTestApplication.NOTES))
				.allTopicNames()
				.get()
				.get(EventsTestApplication.NOTES);
			assertThat(notesTopic.partitions()).hasSize(3);
			ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, EventsTestApplication.NOTES);
			assertThat(admin.describeConfigs(List.of(resource))
				.all()
				.get()
				.get(resource)
				.get(TopicConfig.RETENTION_MS_CONFIG)
				.value()).isEqualTo(String.valueOf(Duration.ofDays(1).toMillis()));
		}
	}

	@Test
	void sameEventDeliveredTwiceHasOneEffect() {
		String noteId = newNoteId();
		String eventId = UUID.randomUUID().toString();
		byte[] data = this.json.writeValueAsBytes(new NoteChanged(noteId, "delivered twice", 1));
		send(noteChanged(eventId, noteId, data));
		send(noteChanged(eventId, noteId, data));
		// Same key, same partition: once this later change is handled, both copies were.
		this.notes.change(noteId, "after the copies");

		awaitEffects(noteId, 2);
		assertThat(
				this.jdbc.queryForObject("select count(*) from note_effect where event_id = ?", Integer.class, eventId))
			.isOne();
	}

	@Test
	void poisonMessageLandsInTheDeadLetterTopicAndTheConsumerKeepsGoing() throws Exception {
		String noteId = newNoteId();
		UUID poison = this.notes.change(noteId, "poison");
		this.notes.change(noteId, "healthy");
		String notACloudEvent = newNoteId();
		this.eventsKafkaTemplate.send(EventsTestApplication.NOTES, notACloudEvent, "{}".getBytes()).join();

		awaitEffects(noteId, 1);
		String dlt = EventSubscription.deadLetterTopic(EventsTestApplication.NOTES, EventsTestApplication.CONSUMER);
		await().atMost(PATIENCE).untilAsserted(() -> {
			List<DeadLetters.DeadLetter> letters = this.deadLetters.list(dlt, 1000);
			assertThat(letters).anySatisfy((letter) -> {
				assertThat(letter.eventId()).isEqualTo(poison.toString());
				assertThat(letter.originalTopic()).isEqualTo(EventsTestApplication.NOTES);
				assertThat(letter.group()).isEqualTo(EventsTestApplication.CONSUMER);
				assertThat(letter.reason()).contains("cannot be handled");
			});
			assertThat(letters).anySatisfy((letter) -> {
				assertThat(letter.key()).isEqualTo(notACloudEvent);
				assertThat(letter.exception()).isEqualTo(NotACloudEventException.class.getName());
			});
		});
		assertThat(effectsOf(noteId)).extracting(NoteChanged::title).containsExactly("healthy");

		// What an operator sees and does, through the Actuator endpoint.
		HttpResponse<String> view = http(HttpRequest.newBuilder(actuator("/actuator/deadletters")).GET());
		assertThat(view.statusCode()).isEqualTo(200);
		JsonNode byTopic = this.json.readTree(view.body());
		JsonNode letter = null;
		for (JsonNode candidate : byTopic.path(dlt)) {
			if (poison.toString().equals(candidate.path("eventId").asString())) {
				letter = candidate;
			}
		}
		assertThat(letter).as("poison event in the endpoint's view").isNotNull();
		EventsTestApplication.poisonCured.set(true);
		String replay = this.json.writeValueAsString(Map.of("topic", dlt, "partition", letter.path("partition").asInt(),
				"offset", letter.path("offset").asLong()));
		HttpResponse<String> replayed = http(HttpRequest.newBuilder(actuator("/actuator/deadletters"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(replay)));
		assertThat(replayed.statusCode()).isEqualTo(200);
		awaitEffects(noteId, 2);
		assertThat(effectsOf(noteId)).extracting(NoteChanged::title).containsExactly("healthy", "poison");
	}

	@Test
	void anEngineOutageHoldsTheEventUntilTheEngineIsBackInsteadOfDeadLetteringIt() throws Exception {
		String noteId = newNoteId();
		UUID held = this.notes.change(noteId, "outage");
		this.notes.change(noteId, "after the outage");

		// Far more deliveries than the attempts an event's own failure gets.
		int attempts = this.events.consumer().attempts();
		await().atMost(PATIENCE).until(() -> EventsTestApplication.outageDeliveries.get() > 3 * attempts);
		assertThat(effectsOf(noteId)).as("the later change waits behind the held one").isEmpty();
		String dlt = EventSubscription.deadLetterTopic(EventsTestApplication.NOTES, EventsTestApplication.CONSUMER);
		assertThat(this.deadLetters.list(dlt, 1000)).extracting(DeadLetters.DeadLetter::eventId)
			.doesNotContain(held.toString());

		EventsTestApplication.outageOver.set(true);
		awaitEffects(noteId, 2);
		assertThat(effectsOf(noteId)).extracting(NoteChanged::title).containsExactly("outage", "after the outage");
		assertThat(this.deadLetters.list(dlt, 1000)).extracting(DeadLetters.DeadLetter::eventId)
			.doesNotContain(held.toString());
	}

	@Test
	void changesCommitWhileTheBrokerIsAwayAndAllArePublishedWhenItIsBack() {
		String noteId = newNoteId();
		List<UUID> written = new ArrayList<>();
		long failedBefore = this.relay.failedRounds();
		// A real outage: the broker's process ends and its connections close. The same
		// broker (data, host port) comes back afterwards.
		Engines.stopKafka();
		try {
			for (int i = 1; i <= 20; i++) {
				written.add(this.notes.change(noteId, "while away " + i));
			}
			// The relay has tried and given up at least once: the events wait in the
			// table.
			await().atMost(PATIENCE).until(() -> this.relay.failedRounds() > failedBefore);
			assertThat(effectsOf(noteId)).isEmpty();
			assertThat(this.meters.get("bcs.events.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(20);
			assertThat(this.jdbc.queryForObject("select count(*) from event_outbox where aggregate_id = ?",
					Integer.class, noteId))
				.isEqualTo(20);
		}
		finally {
			Engines.startKafka();
		}
		awaitBroker();

		assertThat(this.meters.get("bcs.events.relay.failed.rounds").functionCounter().count()).isPositive();
		awaitEffects(noteId, 20);
		// Count in = count out, each exactly once.
		assertThat(this.jdbc.queryForList("select event_id from note_effect where note_id = ?", String.class, noteId))
			.containsExactlyInAnyOrderElementsOf(written.stream().map(UUID::toString).toList());
		assertThat(effectsOf(noteId)).extracting(NoteChanged::revision).isSorted();
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.queryForObject(
					"select count(*) from event_outbox where aggregate_id = ? and published_at is null", Integer.class,
					noteId) == 0);
	}

	/**
	 * Waits until the broker answers again, so later tests start from a working broker. A
	 * restart has taken over 80 s on a busy 2-core machine, hence more patience than
	 * elsewhere.
	 */
	private void awaitBroker() {
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				Engines.kafka().getBootstrapServers(), AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
		await().atMost(Duration.ofMinutes(3)).ignoreExceptions().until(() -> {
			try (AdminClient admin = AdminClient.create(config)) {
				return !admin.describeCluster().nodes().get().isEmpty();
			}
		});
	}

	@Test
	void consumerContinuesTheTraceOfTheChange() {
		String noteId = newNoteId();
		Span request = this.tracer.nextSpan().name("request").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(request)) {
			this.notes.change(noteId, "traced");
		}
		finally {
			request.end();
		}

		awaitEffects(noteId, 1);
		assertThat(this.jdbc.queryForObject("select trace_id from note_effect where note_id = ?", String.class, noteId))
			.isEqualTo(request.context().traceId());
	}

	@Test
	void eventOnThePublicStreamIsACloudEventWhoseDataValidatesAgainstItsSchema() throws Exception {
		String postId = UUID.randomUUID().toString();
		PostPublished post = new PostPublished(postId, "a-public-post", "A public post", "Its summary.",
				"/blog/a-public-post", List.of("bwc"), Instant.parse("2026-11-02T09:30:00Z"));
		UUID eventId = this.notes.publishPublicly(post);

		// A plain Kafka client, as a partner would use: no Spring, no CloudEvents SDK.
		ConsumerRecord<byte[], byte[]> record = readPublic(eventId.toString());
		assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(postId);
		Map<String, String> headers = new HashMap<>();
		for (Header header : record.headers()) {
			headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
		}
		assertThat(headers).containsEntry("ce_specversion", "1.0")
			.containsEntry("ce_type", PostPublished.TYPE)
			.containsEntry("ce_source", "/events-test")
			.containsEntry("ce_subject", postId)
			.containsEntry("content-type", "application/json")
			.containsKey("ce_time");
		OffsetDateTime.parse(headers.get("ce_time"));
		EventType type = ContentEvents.ALL.stream()
			.filter((t) -> t.type().equals(PostPublished.TYPE))
			.findFirst()
			.get();
		var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(getClass().getClassLoader().getResourceAsStream(type.schemaResource()));
		assertThat(schema.validate(this.json.readTree(record.value()))).isEmpty();
		assertThat(type.partnerFacing()).isTrue();
	}

	private ConsumerRecord<byte[], byte[]> readPublic(String eventId) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				Engines.kafka().getBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "partner-" + eventId,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of("bcs.public"));
			long deadline = System.nanoTime() + PATIENCE.toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					Header id = record.headers().lastHeader("ce_id");
					if (id != null && eventId.equals(new String(id.value(), StandardCharsets.UTF_8))) {
						return record;
					}
				}
			}
		}
		throw new AssertionError("Event " + eventId + " never arrived on bcs.public");
	}

	private URI actuator(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static HttpResponse<String> http(HttpRequest.Builder request) throws Exception {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request.timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	private long recordsOnTopic(String topic, String key) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				Engines.kafka().getBootstrapServers());
		long count = 0;
		try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			var partitions = consumer.partitionsFor(topic)
				.stream()
				.map((p) -> new org.apache.kafka.common.TopicPartition(topic, p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			var end = consumer.endOffsets(partitions);
			while (end.entrySet().stream().anyMatch((e) -> consumer.position(e.getKey()) < e.getValue())) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
						count++;
					}
				}
			}
		}
		return count;
	}

	private ProducerRecord<String, byte[]> noteChanged(String eventId, String noteId, byte[] data) {
		return KafkaMessageFactory.<String>createWriter(EventsTestApplication.NOTES, noteId)
			.writeBinary(CloudEventBuilder.v1()
				.withId(eventId)
				.withSource(URI.create("/events-test"))
				.withType(EventsTestApplication.NOTE_CHANGED)
				.withSubject(noteId)
				.withDataContentType("application/json")
				.withData(data)
				.build());
	}

	private void send(ProducerRecord<String, byte[]> record) {
		this.eventsKafkaTemplate.send(record).join();
	}

	private void awaitEffects(String noteId, int count) {
		await().atMost(PATIENCE).until(() -> effectsOf(noteId).size() >= count);
	}

	private List<NoteChanged> effectsOf(String noteId) {
		return this.jdbc.query("select note_id, title, revision from note_effect where note_id = ? order by seq",
				(rs, row) -> new NoteChanged(rs.getString(1), rs.getString(2), rs.getInt(3)), noteId);
	}

	private static String newNoteId() {
		return "note-" + UUID.randomUUID();
	}

}
