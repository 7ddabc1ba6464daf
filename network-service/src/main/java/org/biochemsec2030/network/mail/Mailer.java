package org.biochemsec2030.network.mail;

import java.sql.Timestamp;
import java.time.Clock;

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

	private final JdbcClient jdbc;

	private final Clock clock;

	Mailer(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void queue(String recipient, String subject, String body) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql(
				"insert into mail_outbox (recipient, subject, body, queued_at, next_attempt_at) values (?, ?, ?, ?, ?)")
			.params(recipient, subject, body, now, now)
			.update();
	}

	/** Forgets every queued or sent mail to this address (erasure, expiry). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void forget(String recipient) {
		this.jdbc.sql("delete from mail_outbox where recipient = ?").param(recipient).update();
	}

}
