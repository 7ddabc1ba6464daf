package org.biochemsec2030.platform.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxRelayTests {

	private final OutboxRelay relay = new OutboxRelay(null, null, null, URI.create("/content-service"),
			new EventsProperties.Relay(true, Duration.ofSeconds(1), 10, Duration.ofSeconds(5), Duration.ofDays(1)));

	@Test
	void outboxRowBecomesABinaryModeCloudEventKeyedByItsAggregate() {
		UUID id = UUID.randomUUID();
		String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		ProducerRecord<String, byte[]> record = this.relay.record(
				new OutboxRelay.Pending(7, id, "bcs.content", "post-1", "org.biochemsec2030.content.post.published.v1",
						Instant.parse("2026-11-02T09:30:00Z"), "{\"postId\":\"post-1\"}", traceparent));

		assertThat(record.topic()).isEqualTo("bcs.content");
		assertThat(record.key()).isEqualTo("post-1");
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "content-type")).isEqualTo("application/json");
		assertThat(header(record, "traceparent")).isEqualTo(traceparent);
		assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"postId\":\"post-1\"}");

		CloudEvent event = KafkaMessageFactory
			.createReader(new ConsumerRecord<>(record.topic(), 0, 0, record.key(), record.value()) {
				{
					record.headers().forEach((h) -> headers().add(h));
				}
			})
			.toEvent();
		assertThat(event.getId()).isEqualTo(id.toString());
		assertThat(event.getSource()).isEqualTo(URI.create("/content-service"));
		assertThat(event.getType()).isEqualTo("org.biochemsec2030.content.post.published.v1");
		assertThat(event.getSubject()).isEqualTo("post-1");
		assertThat(event.getTime()).isEqualTo("2026-11-02T09:30:00Z");
		assertThat(event.getExtension("traceparent")).isEqualTo(traceparent);
	}

	private static String header(ProducerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
