package org.biochemsec2030.platform.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/deadletters}: the dead letters of every subscription of this app
 * (GET), and replay of one of them (POST with {@code topic}, {@code partition},
 * {@code offset}). Exposed only where the app's management exposure includes it; it
 * belongs behind the staff-only admin path.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

	private static final int SHOWN = 100;

	private final DeadLetters deadLetters;

	private final List<EventSubscription> subscriptions;

	DeadLettersEndpoint(DeadLetters deadLetters, List<EventSubscription> subscriptions) {
		this.deadLetters = deadLetters;
		this.subscriptions = subscriptions;
	}

	@ReadOperation
	public Map<String, List<DeadLetters.DeadLetter>> deadLetters() {
		Map<String, List<DeadLetters.DeadLetter>> all = new LinkedHashMap<>();
		for (EventSubscription subscription : this.subscriptions) {
			all.put(subscription.deadLetterTopic(), this.deadLetters.list(subscription.deadLetterTopic(), SHOWN));
		}
		return all;
	}

	@WriteOperation
	public DeadLetters.DeadLetter replay(String topic, int partition, long offset) {
		boolean ours = this.subscriptions.stream().anyMatch((s) -> s.deadLetterTopic().equals(topic));
		if (!ours) {
			throw new IllegalArgumentException("Not a dead-letter topic of this app: " + topic);
		}
		return this.deadLetters.replay(topic, partition, offset);
	}

}
