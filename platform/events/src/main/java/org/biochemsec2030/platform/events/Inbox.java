package org.biochemsec2030.platform.events;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The events a consumer has handled, by id: the memory that makes redelivery harmless.
 */
class Inbox {

	private final JdbcTemplate jdbc;

	Inbox(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the event as handled by this consumer, in the caller's transaction; false
	 * if it already was (the effect then must not run again).
	 */
	boolean firstDelivery(String consumer, String eventId) {
		return this.jdbc.update(
				"insert into event_inbox (consumer, event_id) values (?, ?) on conflict (consumer, event_id) do nothing",
				consumer, eventId) == 1;
	}

}
