package org.biochemsec2030.content.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.biochemsec2030.content.Api;
import org.biochemsec2030.content.ContentServiceTest;
import org.biochemsec2030.content.Posts;
import org.biochemsec2030.contracts.EventType;
import org.biochemsec2030.contracts.content.ContentEvents;
import org.biochemsec2030.platform.test.Engines;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a partner or another service reading Kafka with a plain client sees of content
 * changes: CloudEvents whose data validates against the published schemas.
 */
@ContentServiceTest
class ContentEventsIT {

	@LocalServerPort
	int port;

	@Test
	void postLifecycleIsAnnouncedOnTheContentAndPublicTopicsWithValidData() {
		Api editor = new Api(this.port, "editor");
		String id = editor.post("/api/content/v1/posts", Posts.screeningPost()).json().path("id").asString();
		String slug = editor.post("/api/content/v1/posts/" + id + "/publish").json().path("slug").asString();
		editor.put("/api/content/v1/posts/" + id, Posts.screeningPost());
		editor.post("/api/content/v1/posts/" + id + "/publish");
		editor.post("/api/content/v1/posts/" + id + "/unpublish");

		List<String> expected = List.of("org.biochemsec2030.content.post.published.v1",
				"org.biochemsec2030.content.post.updated.v1", "org.biochemsec2030.content.post.unpublished.v1");
		for (String topic : List.of(ContentEvents.TOPIC, "bcs.public")) {
			List<ConsumerRecord<String, byte[]>> records = recordsAbout(topic, id, expected.size());
			assertThat(records).extracting(r -> header(r, "ce_type")).as(topic).containsExactlyElementsOf(expected);
			for (ConsumerRecord<String, byte[]> record : records) {
				assertThat(header(record, "ce_source")).isEqualTo("/content-service");
				assertThat(header(record, "ce_subject")).isEqualTo(id);
				assertValid(header(record, "ce_type"), record.value());
			}
			JsonNode published = Api.JSON.readTree(records.get(0).value());
			assertThat(published.path("slug").asString()).isEqualTo(slug);
			assertThat(published.path("url").asString()).isEqualTo("/blog/" + slug);
			assertThat(published.path("topics").values()).isNotEmpty();
		}
	}

	@Test
	void miniPostLifecycleIsAnnouncedWithValidData() {
		Api editor = new Api(this.port, "editor");
		String id = editor
			.post("/api/content/v1/micro",
					Map.of("text", "The 1540 Committee met today. #UNSCR1540", "topics", List.of("delivery-systems")))
			.json()
			.path("id")
			.asString();
		editor.post("/api/content/v1/micro/" + id + "/publish");
		editor.put("/api/content/v1/micro/" + id, Map.of("text", "The 1540 Committee met today (corrected)."));
		editor.post("/api/content/v1/micro/" + id + "/unpublish");

		List<ConsumerRecord<String, byte[]>> records = recordsAbout(ContentEvents.TOPIC, id, 3);
		assertThat(records).extracting(r -> header(r, "ce_type"))
			.containsExactly("org.biochemsec2030.content.micropost.published.v1",
					"org.biochemsec2030.content.micropost.updated.v1",
					"org.biochemsec2030.content.micropost.unpublished.v1");
		records.forEach(r -> assertValid(header(r, "ce_type"), r.value()));
		assertThat(Api.JSON.readTree(records.get(0).value()).path("url").asString()).isEqualTo("/micro/" + id);
	}

	private static void assertValid(String type, byte[] data) {
		EventType eventType = ContentEvents.ALL.stream()
			.filter(t -> t.type().equals(type))
			.findFirst()
			.orElseThrow(() -> new AssertionError("not in the catalogue: " + type));
		Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(ContentEvents.class.getClassLoader().getResourceAsStream(eventType.schemaResource()));
		assertThat(schema.validate(Api.JSON.readTree(data))).as(type).isEmpty();
	}

	private static List<ConsumerRecord<String, byte[]>> recordsAbout(String topic, String key, int count) {
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.kafka().getBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "content-events-it-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (key.equals(record.key())) {
						found.add(record);
					}
				}
				return found.size() >= count;
			});
		}
		return found;
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
