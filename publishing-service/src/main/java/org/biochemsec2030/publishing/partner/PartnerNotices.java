package org.biochemsec2030.publishing.partner;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.biochemsec2030.publishing.support.PublishingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail to a partner's contact about its endpoints. A notice is queued in the transaction
 * that disables the endpoint, so it exists exactly when the disabling committed, and the
 * disabling happens once (it changes only an enabled endpoint); sending is later, here,
 * one message at a time under a row lock other replicas skip, marked sent in the same
 * transaction. A crash between the SMTP answer and the commit can send one twice; none is
 * lost while the SMTP server is away.
 */
@Component
class PartnerNotices {

	private static final Logger logger = LoggerFactory.getLogger(PartnerNotices.class);

	private static final int BATCH = 20;

	private final JdbcClient jdbc;

	private final JavaMailSender mail;

	private final TransactionTemplate transactions;

	private final PartnerProperties properties;

	private final PublishingProperties publishing;

	private final Clock clock;

	PartnerNotices(JdbcClient jdbc, JavaMailSender mail, TransactionTemplate transactions, PartnerProperties properties,
			PublishingProperties publishing, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.transactions = transactions;
		this.properties = properties;
		this.publishing = publishing;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Queues the notice that an endpoint was disabled, in the disabling transaction.
	 * @param why what the contact is told happened, e.g. "no delivery to it has succeeded
	 * since ..."
	 * @param lastOutcome the last attempt's outcome, or null when there was none
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void endpointDisabled(UUID endpointId, String why, String lastOutcome) {
		Optional<Recipient> recipient = this.jdbc.sql("""
				select p.name, p.contact_email, e.url from partner_endpoint e join partner p on p.id = e.partner_id
				where e.id = :id""")
			.param("id", endpointId)
			.query((rs, row) -> new Recipient(rs.getString("name"), rs.getString("contact_email"), rs.getString("url")))
			.optional();
		if (recipient.isEmpty()) {
			return;
		}
		Recipient to = recipient.get();
		String site = this.publishing.publicUrl().toString().replaceAll("/+$", "");
		String body = """
				Dear %s,

				BioChemSec 2030 has stopped sending events to your webhook endpoint

				    %s

				because %s.%s

				Events published from now on are kept for this endpoint, and nothing already
				queued is lost. Once your receiver answers again, switch the endpoint back on:

				    PUT %s/api/publishing/partner/v1/endpoints/%s  with  "enabled": true

				What was queued is then delivered. Deliveries that failed for good can be sent
				again with POST .../redeliveries and "since". The delivery log, with every
				attempt's answer, is at GET .../attempts.

				You receive this message as the contact registered for %s.
				""".formatted(to.name(), to.url(), why,
				(lastOutcome != null) ? "\nThe last attempt: " + lastOutcome + "." : "", site, endpointId, to.name());
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				insert into partner_notice (endpoint_id, recipient, subject, body, queued_at, next_attempt_at)
				values (:endpoint, :recipient, :subject, :body, :now, :now)""")
			.param("endpoint", endpointId)
			.param("recipient", to.contactEmail())
			.param("subject", "Webhook endpoint disabled: " + to.url())
			.param("body", body)
			.param("now", now)
			.update();
	}

	@Scheduled(fixedDelayString = "${bcs.partners.notice-interval:10s}")
	void sendDue() {
		for (int i = 0; i < BATCH; i++) {
			if (!Boolean.TRUE.equals(this.transactions.execute(status -> sendOne()))) {
				return;
			}
		}
	}

	private boolean sendOne() {
		Instant now = this.clock.instant();
		List<Queued> due = this.jdbc.sql("""
				select id, recipient, subject, body, attempts from partner_notice
				where sent_at is null and next_attempt_at <= :now order by id limit 1 for update skip locked""")
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new Queued(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
					rs.getString("body"), rs.getInt("attempts")))
			.list();
		if (due.isEmpty()) {
			return false;
		}
		Queued notice = due.get(0);
		try {
			MimeMessage message = this.mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(this.properties.mailFrom());
			helper.setTo(notice.recipient());
			helper.setSubject(notice.subject());
			helper.setText(notice.body(), false);
			this.mail.send(message);
			this.jdbc.sql("update partner_notice set sent_at = :now, attempts = attempts + 1 where id = :id")
				.param("now", Timestamp.from(now))
				.param("id", notice.id())
				.update();
			return true;
		}
		catch (Exception ex) {
			Duration pause = Duration.ofSeconds(Math.min(600, 5L << Math.min(notice.attempts(), 7)));
			logger.warn("Partner notice {} could not be sent (attempt {}), retrying in {}: {}", notice.id(),
					notice.attempts() + 1, pause, ex.getMessage());
			this.jdbc.sql("""
					update partner_notice set attempts = attempts + 1, next_attempt_at = :next, last_error = :error
					where id = :id""")
				.param("next", Timestamp.from(now.plus(pause)))
				.param("error", String.valueOf(ex.getMessage()))
				.param("id", notice.id())
				.update();
			// The SMTP server is probably away for the rest too: the next sweep tries
			// again.
			return false;
		}
	}

	private record Recipient(String name, String contactEmail, String url) {
	}

	private record Queued(long id, String recipient, String subject, String body, int attempts) {
	}

}
