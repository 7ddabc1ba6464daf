package org.biochemsec2030.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * What operators see of the dead-letter topics, and replay. A replay sends the original
 * record (key, value, CloudEvents headers) back to its original topic; consumers that
 * handled it already drop it by its event id, so only the group that failed acts on it.
 */
public class DeadLetters {

	private static final Duration POLL = Duration.ofMillis(500);

	private final ConsumerFactory<String, byte[]> consumers;

	private final KafkaTemplate<String, byte[]> kafka;

	DeadLetters(ConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> kafka) {
		this.consumers = consumers;
		this.kafka = kafka;
	}

	/** Up to {@code max} dead letters of a topic, oldest first. */
	public List<DeadLetter> list(String deadLetterTopic, int max) {
		List<DeadLetter> letters = new ArrayList<>();
		try (Consumer<String, byte[]> consumer = reader()) {
			List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic)
				.stream()
				.map((info) -> new TopicPartition(deadLetterTopic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (letters.size() < max && !reachedEnd(consumer, end)) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
					if (letters.size() < max) {
						letters.add(DeadLetter.of(record));
					}
				}
			}
		}
		return letters;
	}

	/** Sends one dead letter back to the topic it came from. */
	public DeadLetter replay(String deadLetterTopic, int partition, long offset) {
		ConsumerRecord<String, byte[]> found = null;
		try (Consumer<String, byte[]> consumer = reader()) {
			TopicPartition tp = new TopicPartition(deadLetterTopic, partition);
			consumer.assign(List.of(tp));
			consumer.seek(tp, offset);
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (found == null && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
					if (record.offset() == offset) {
						found = record;
					}
				}
			}
		}
		if (found == null) {
			throw new IllegalArgumentException("No dead letter at " + deadLetterTopic + "-" + partition + "@" + offset);
		}
		DeadLetter letter = DeadLetter.of(found);
		ProducerRecord<String, byte[]> again = new ProducerRecord<>(letter.originalTopic(), found.key(), found.value());
		for (Header header : found.headers()) {
			if (!header.key().startsWith(KafkaHeaders.PREFIX + "dlt-")) {
				again.headers().add(header);
			}
		}
		this.kafka.send(again).join();
		return letter;
	}

	private Consumer<String, byte[]> reader() {
		Map<String, Object> overrides = new HashMap<>();
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// No group: reading for a look must not move any consumer's offsets.
		return this.consumers.createConsumer(null, "dead-letters", null, toProperties(overrides));
	}

	private static java.util.Properties toProperties(Map<String, Object> map) {
		java.util.Properties properties = new java.util.Properties();
		properties.putAll(map);
		return properties;
	}

	private static boolean reachedEnd(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch((e) -> consumer.position(e.getKey()) >= e.getValue());
	}

	/**
	 * One dead letter: where it is, which event it carries, where it came from and why it
	 * failed.
	 */
	public record DeadLetter(String topic, int partition, long offset, String key, String eventId, String eventType,
			String originalTopic, String group, String exception, String reason, Instant failedAt) {

		static DeadLetter of(ConsumerRecord<String, byte[]> record) {
			return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
					header(record, "ce_id"), header(record, "ce_type"), header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
					header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP), exception(record),
					header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE), Instant.ofEpochMilli(record.timestamp()));
		}

		/**
		 * The handler's own exception, not the listener container's wrapper around it.
		 */
		private static String exception(ConsumerRecord<String, byte[]> record) {
			String cause = header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
			return (cause != null) ? cause : header(record, KafkaHeaders.DLT_EXCEPTION_FQCN);
		}

		private static String header(ConsumerRecord<String, byte[]> record, String name) {
			Header header = record.headers().lastHeader(name);
			return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8)
					: null;
		}

	}

}
