package org.biochemsec2030.publishing.events;

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
import org.biochemsec2030.contracts.EventType;
import org.biochemsec2030.contracts.publishing.PaperPublished;
import org.biochemsec2030.contracts.publishing.PublishingEvents;
import org.biochemsec2030.platform.test.Engines;
import org.biochemsec2030.publishing.Api;
import org.biochemsec2030.publishing.Papers;
import org.biochemsec2030.publishing.PublishingServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.biochemsec2030.publishing.Papers.ok;

/**
 * What another service or a partner reading Kafka with a plain client sees of a paper's
 * life: CloudEvents whose data validates against the published schemas; only public ones
 * on {@code bcs.public}.
 */
@PublishingServiceTest
class PublishingEventsIT {

	private static final String PREFIX = "org.biochemsec2030.publishing.";

	@Value("${local.server.port}")
	private int port;

	@Test
	void aPapersLifeIsAnnouncedWithValidDataAndOnlyPublicEventsReachPartners() {
		Api publisher = new Api(this.port, "publisher");
		JsonNode paper = Papers.published(publisher, "Announced paper " + UUID.randomUUID().toString().substring(0, 6));
		String id = paper.get("id").asString();
		ok(publisher.post("/api/publishing/v1/papers/" + id + "/withdraw",
				Map.of("notice", "Withdrawn by the authors: figures superseded.")));

		List<ConsumerRecord<String, byte[]>> all = recordsAbout(PublishingEvents.TOPIC, id, 5);
		assertThat(all).extracting(r -> header(r, "ce_type"))
			.containsExactly(PREFIX + "paper.submitted.v1", PREFIX + "paper.approved.v1",
					PREFIX + "version.published.v1", PREFIX + "paper.published.v1", PREFIX + "paper.withdrawn.v1");
		for (ConsumerRecord<String, byte[]> record : all) {
			assertThat(header(record, "ce_source")).isEqualTo("/publishing-service");
			assertThat(header(record, "ce_subject")).isEqualTo(id);
			assertValid(header(record, "ce_type"), record.value());
		}

		List<ConsumerRecord<String, byte[]>> partners = recordsAbout("bcs.public", id, 3);
		assertThat(partners).extracting(r -> header(r, "ce_type"))
			.containsExactly(PREFIX + "version.published.v1", PREFIX + "paper.published.v1",
					PREFIX + "paper.withdrawn.v1");

		// The record content-service drafts its announcement from reads the real event.
		ConsumerRecord<String, byte[]> published = all.get(3);
		PaperPublished data = Api.JSON.readValue(published.value(), PaperPublished.class);
		assertThat(data.url()).isEqualTo("/papers/" + paper.get("slug").asString());
		assertThat(data.series()).isEqualTo("BCS2030 Briefing Paper No. " + paper.get("seriesNumber").asInt());
		assertThat(data.regimes()).containsExactly("BWC");
		JsonNode version = Api.JSON.readTree(all.get(2).value());
		assertThat(version.get("url").asString()).endsWith("/v1");
		assertThat(version.get("changes")).isEmpty();
	}

	private static void assertValid(String type, byte[] data) {
		EventType eventType = PublishingEvents.ALL.stream()
			.filter(t -> t.type().equals(type))
			.findFirst()
			.orElseThrow(() -> new AssertionError("not in the catalogue: " + type));
		Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(PublishingEvents.class.getClassLoader().getResourceAsStream(eventType.schemaResource()));
		assertThat(schema.validate(Api.JSON.readTree(data))).as(type).isEmpty();
	}

	private static List<ConsumerRecord<String, byte[]>> recordsAbout(String topic, String key, int count) {
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.kafka().getBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "publishing-events-it-" + UUID.randomUUID(),
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
