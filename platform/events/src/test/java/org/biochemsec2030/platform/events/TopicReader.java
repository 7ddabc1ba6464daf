package org.biochemsec2030.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.biochemsec2030.platform.test.Engines;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a plain Kafka consumer of a topic sees of one aggregate, in the order it sees it:
 * the relay tests' view from outside, with no consumer group and nothing of the platform.
 */
final class TopicReader {

	private TopicReader() {
	}

	/**
	 * The {@code step} field of each of the aggregate's records: waits up to
	 * {@code patience} for {@code expected} records, then reads to the end of the topic.
	 */
	static List<String> steps(String topic, String aggregate, int expected, Duration patience, JsonMapper json) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				Engines.kafka().getBootstrapServers());
		List<String> steps = new ArrayList<>();
		try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((p) -> new TopicPartition(topic, p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long deadline = System.nanoTime() + patience.toNanos();
			var end = consumer.endOffsets(partitions);
			while ((steps.size() < expected && System.nanoTime() < deadline)
					|| end.entrySet().stream().anyMatch((e) -> consumer.position(e.getKey()) < e.getValue())) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (aggregate.equals(record.key())) {
						steps.add(json.readTree(new String(record.value(), StandardCharsets.UTF_8))
							.path("step")
							.asString());
					}
				}
			}
		}
		return steps;
	}

}
