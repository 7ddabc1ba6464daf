package org.biochemsec2030.content.announce;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.biochemsec2030.content.ContentServiceTest;
import org.biochemsec2030.content.micro.EditorialMicroPost;
import org.biochemsec2030.content.micro.MicroPostService;
import org.biochemsec2030.contracts.EventType;
import org.biochemsec2030.contracts.network.NetworkEvents;
import org.biochemsec2030.contracts.publishing.PublishingEvents;
import org.biochemsec2030.contracts.tracker.TrackerEvents;
import org.biochemsec2030.platform.test.Engines;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The golden event of each upstream contract, sent to its producer's topic as a plain
 * Kafka client would, becomes exactly one draft announcement, even when delivered twice.
 */
@ContentServiceTest
class AnnouncementsIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MicroPostService micros;

	@Autowired
	JdbcClient jdbc;

	static List<Arguments> upstream() {
		return List.of(
				Arguments.of(PublishingEvents.TOPIC, PublishingEvents.ALL.get(0), "paperId", "paper:",
						"New briefing paper: Gene synthesis screening"),
				Arguments.of(NetworkEvents.TOPIC, NetworkEvents.ALL.get(0), "meetingId", "meeting:",
						"Save the date: Science and security network"),
				Arguments.of(TrackerEvents.TOPIC, TrackerEvents.ALL.get(0), "developmentId", "development:",
						"Newly tracked: Protein design models"));
	}

	@ParameterizedTest
	@MethodSource("upstream")
	void goldenEventDraftsExactlyOneAnnouncement(String topic, EventType type, String idField, String prefix,
			String opening) throws IOException {
		// A fresh aggregate id per run, so the test also passes against a database that
		// already saw the golden sample.
		Map<String, Object> data = JSON.readValue(golden(type), Map.class);
		String itemId = UUID.randomUUID().toString();
		data.put(idField, itemId);
		byte[] value = JSON.writeValueAsBytes(data);
		String eventId = UUID.randomUUID().toString();
		send(topic, type.type(), eventId, itemId, value);
		send(topic, type.type(), eventId, itemId, value);
		String secondEventId = UUID.randomUUID().toString();
		send(topic, type.type(), secondEventId, itemId, value);

		await().atMost(Duration.ofSeconds(60)).until(() -> this.micros.announcing(prefix + itemId).isPresent());
		EditorialMicroPost draft = this.micros.announcing(prefix + itemId).orElseThrow();
		assertThat(draft.status().name()).isEqualTo("DRAFT");
		assertThat(draft.text()).startsWith(opening).contains("https://biochemsec2030.example/");
		assertThat(draft.html()).contains("<a href=\"https://biochemsec2030.example/");
		assertThat(draft.publishedAt()).isNull();
		// Every delivery has been handled once the inbox holds both event ids.
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc
				.sql("select count(*) from event_inbox where consumer = 'content-service' and event_id in (?, ?)")
				.params(eventId, secondEventId)
				.query(Long.class)
				.single() == 2);
		assertThat(this.jdbc.sql("select count(*) from micro_post where announces = ?")
			.param(prefix + itemId)
			.query(Long.class)
			.single()).isOne();
	}

	private static byte[] golden(EventType type) throws IOException {
		try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.goldenResource())) {
			return in.readAllBytes();
		}
	}

	private static void send(String topic, String type, String eventId, String subject, byte[] value) {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.kafka().getBootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, subject, value);
			record.headers()
				.add("ce_specversion", bytes("1.0"))
				.add("ce_id", bytes(eventId))
				.add("ce_source", bytes("/test"))
				.add("ce_type", bytes(type))
				.add("ce_subject", bytes(subject))
				.add("ce_time", bytes("2026-12-01T10:00:00Z"))
				.add("content-type", bytes("application/json"));
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
