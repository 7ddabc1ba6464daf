package org.biochemsec2030.contracts;

/**
 * Data of one event type. The type string is part of the contract, not of the Java class:
 * it stays the same when a record is renamed or moved, and a breaking change to the data
 * gets a new record with a new versioned type.
 */
public interface EventContract {

	/**
	 * The CloudEvents {@code type}, e.g.
	 * {@code org.biochemsec2030.content.post.published.v1}.
	 */
	String eventType();

	/**
	 * The aggregate the event is about: the CloudEvents {@code subject} and the Kafka
	 * key.
	 */
	String subject();

}
