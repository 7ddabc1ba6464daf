package org.biochemsec2030.publishing.paper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.biochemsec2030.publishing.support.PublishingProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminder mail to reviewers who have not answered: one in the days before the due date,
 * one once it has passed. Each goes out at most once: a reminder is a row
 * ({@code review_reminder}, keyed by assignment and kind) written in the transaction that
 * sends it, one at a time under a row lock other replicas skip. A failed send rolls the
 * row back and is tried at the next sweep; a crash between the SMTP answer and the commit
 * can send one twice, and none is lost while the SMTP server is away. A reminder whose
 * moment has passed is not sent late: a reviewer whose due date went by unreminded gets
 * only the second one.
 */
@Component
class ReviewReminders {

	private static final Logger logger = LoggerFactory.getLogger(ReviewReminders.class);

	private static final int BATCH = 50;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

	private final JdbcClient jdbc;

	private final JavaMailSender mail;

	private final TransactionTemplate transactions;

	private final PublishingProperties properties;

	private final Clock clock;

	ReviewReminders(JdbcClient jdbc, JavaMailSender mail, TransactionTemplate transactions,
			PublishingProperties properties, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Scheduled(fixedDelayString = "${bcs.publishing.reminders.interval:1h}", initialDelayString = "PT1M")
	void sweep() {
		if (this.properties.reminders().enabled()) {
			sendDue();
		}
	}

	/** Sends the reminders that are due now, each once; answers how many went out. */
	int sendDue() {
		int sent = 0;
		while (sent < BATCH && Boolean.TRUE.equals(this.transactions.execute(status -> {
			boolean one = sendOne();
			if (!one) {
				status.setRollbackOnly();
			}
			return one;
		}))) {
			sent++;
		}
		return sent;
	}

	private boolean sendOne() {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		LocalDate soon = today.plusDays(this.properties.reminders().daysBefore());
		List<Due> due = this.jdbc.sql("""
				select a.id, a.reviewer_name, a.reviewer_email, a.due_on, v.title,
				    case when a.due_on < :today then 'AFTER' else 'BEFORE' end as kind
				from review_assignment a
				join review_round r on r.paper_id = a.paper_id and r.number = a.round and r.closed_at is null
				join paper_version v on v.paper_id = a.paper_id and v.number = r.version
				where a.reviewed_at is null and a.reviewer_email is not null and a.due_on <= :soon
				  and not exists (select 1 from review_reminder m where m.assignment_id = a.id
				      and m.kind = case when a.due_on < :today then 'AFTER' else 'BEFORE' end)
				order by a.due_on, a.id limit 1 for update of a skip locked""")
			.param("today", today)
			.param("soon", soon)
			.query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getString("reviewer_name"),
					rs.getString("reviewer_email"), rs.getObject("due_on", LocalDate.class), rs.getString("title"),
					rs.getString("kind")))
			.list();
		if (due.isEmpty()) {
			return false;
		}
		Due reminder = due.get(0);
		this.jdbc.sql("insert into review_reminder (assignment_id, kind, sent_at) values (?, ?, ?)")
			.params(reminder.assignment(), reminder.kind(), Timestamp.from(this.clock.instant()))
			.update();
		try {
			MimeMessage message = this.mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(this.properties.reminders().mailFrom());
			helper.setTo(reminder.email());
			helper.setSubject(reminder.after() ? "Your review is overdue: " + reminder.title()
					: "Your review is due on " + DAY.format(reminder.dueOn()) + ": " + reminder.title());
			helper.setText(text(reminder), false);
			this.mail.send(message);
			return true;
		}
		catch (Exception ex) {
			logger.warn("Reminder to the reviewer of assignment {} could not be sent; the next sweep tries again: {}",
					reminder.assignment(), ex.getMessage());
			return false;
		}
	}

	private String text(Due reminder) {
		String when = reminder.after() ? "was due on " + DAY.format(reminder.dueOn()) + " and has not reached us yet"
				: "is due on " + DAY.format(reminder.dueOn());
		return """
				Dear %s,

				Your review of the briefing paper

				    %s

				It %s. Please send your recommendation (accept, minor revisions, major
				revisions or reject) and your comments to the publishing team, or tell them if
				you need more time.

				You receive this message as a reviewer the %s publishing team assigned to
				the paper. %s
				""".formatted(reminder.name(), reminder.title(), when, this.properties.series(),
				reminder.after() ? "This is the last reminder." : "");
	}

	private record Due(UUID assignment, String name, String email, LocalDate dueOn, String title, String kind) {

		boolean after() {
			return "AFTER".equals(this.kind);
		}

	}

}
