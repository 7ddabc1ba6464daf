package org.biochemsec2030.platform.events;

/**
 * A consumer group reading one upstream topic: declare one bean per upstream topic. Its
 * dead letters go to {@code <topic>.<group>.dlt}, so each group replays only its own.
 *
 * @param group the Kafka consumer group, and the consumer's name in the inbox
 * @param topic the upstream topic
 * @param concurrency consumer threads (at most the topic's partitions are used)
 * @param handler the effect of one event
 */
public record EventSubscription(String group, String topic, int concurrency, EventHandler handler) {

	public EventSubscription(String group, String topic, EventHandler handler) {
		this(group, topic, 1, handler);
	}

	public String deadLetterTopic() {
		return deadLetterTopic(this.topic, this.group);
	}

	public static String deadLetterTopic(String topic, String group) {
		return topic + "." + group + ".dlt";
	}

}
