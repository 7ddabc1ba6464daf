package org.biochemsec2030.network.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.biochemsec2030.network.support.NetworkProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued mail over SMTP, oldest first. Each message is taken under a row lock that
 * other replicas skip, sent, and marked sent in the same transaction; a failure is
 * retried later with a growing pause. A crash between sending and the commit can send a
 * message twice, never lose one.
 */
@Component
class MailRelay {

	private static final Logger log = LoggerFactory.getLogger(MailRelay.class);

	private static final int BATCH = 20;

	private final JdbcClient jdbc;

	private final JavaMailSender sender;

	private final TransactionTemplate transactions;

	private final NetworkProperties properties;

	private final Clock clock;

	MailRelay(JdbcClient jdbc, JavaMailSender sender, TransactionTemplate transactions, NetworkProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.sender = sender;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	private record Queued(long id, String recipient, String subject, String body, int attempts, String headers) {

	}

	@Scheduled(fixedDelayString = "${bcs.network.mail.relay-interval:2s}")
	void sendDue() {
		for (int i = 0; i < BATCH; i++) {
			Boolean sent = this.transactions.execute(status -> sendOne());
			if (!Boolean.TRUE.equals(sent)) {
				return;
			}
		}
	}

	private boolean sendOne() {
		Instant now = this.clock.instant();
		List<Queued> due = this.jdbc
			.sql("select id, recipient, subject, body, attempts, cast(headers as text) as headers from mail_outbox"
					+ " where sent_at is null and next_attempt_at <= ? order by id limit 1 for update skip locked")
			.param(Timestamp.from(now))
			.query(Queued.class)
			.list();
		if (due.isEmpty()) {
			return false;
		}
		Queued mail = due.get(0);
		try {
			MimeMessage message = this.sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(this.properties.mail().from());
			helper.setTo(mail.recipient());
			helper.setSubject(mail.subject());
			helper.setText(mail.body(), false);
			if (mail.headers() != null) {
				for (var header : Mailer.JSON.readTree(mail.headers()).properties()) {
					message.setHeader(header.getKey(), header.getValue().asString());
				}
			}
			this.sender.send(message);
			this.jdbc.sql("update mail_outbox set sent_at = ?, attempts = attempts + 1 where id = ?")
				.params(Timestamp.from(now), mail.id())
				.update();
		}
		catch (Exception ex) {
			Duration pause = Duration.ofSeconds(Math.min(600, 5L << Math.min(mail.attempts(), 7)));
			log.warn("Mail {} could not be sent (attempt {}), retrying in {}: {}", mail.id(), mail.attempts() + 1,
					pause, ex.getMessage());
			this.jdbc
				.sql("update mail_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?")
				.params(Timestamp.from(now.plus(pause)), String.valueOf(ex.getMessage()), mail.id())
				.update();
			// Stop this round: the server is probably away for the rest too.
			return false;
		}
		return true;
	}

}
