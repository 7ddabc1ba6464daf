package org.biochemsec2030.network.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues mail in the transaction of the change it reports; {@link MailRelay} sends it.
 * Nothing is sent for a change that is rolled back, and nothing is lost while the SMTP
 * server is away.
 */
@Service
public class Mailer {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Clock clock;

	Mailer(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void queue(String recipient, String subject, String body) {
		queue(recipient, subject, body, Map.of());
	}

	/** Queues a message with headers of its own (such as {@code List-Unsubscribe}). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void queue(String recipient, String subject, String body, Map<String, String> headers) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc
			.sql("insert into mail_outbox (recipient, subject, body, queued_at, next_attempt_at, headers)"
					+ " values (?, ?, ?, ?, ?, cast(? as jsonb))")
			.params(recipient, subject, body, now, now, headers.isEmpty() ? null : JSON.writeValueAsString(headers))
			.update();
	}

	/** Forgets every queued or sent mail to this address (erasure, expiry). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void forget(String recipient) {
		this.jdbc.sql("delete from mail_outbox where recipient = ?").param(recipient).update();
	}

}
