package org.biochemsec2030.platform.events;

/**
 * The effect of one event in a consumer. It runs in a database transaction together with
 * the inbox row that marks the event as handled, so it happens once per event however
 * often Kafka delivers it; throw to have the delivery retried and, after the retries,
 * sent to the dead-letter topic.
 */
@FunctionalInterface
public interface EventHandler {

	void handle(ReceivedEvent event) throws Exception;

}
