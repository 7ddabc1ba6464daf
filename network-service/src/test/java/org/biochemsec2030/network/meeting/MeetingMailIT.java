package org.biochemsec2030.network.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.biochemsec2030.network.Applicants;
import org.biochemsec2030.network.NetworkServiceTest;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.test.Mail;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What attendees find in their real mailbox: a change or a cancellation of a meeting they
 * answered, and one reminder the day before for those with a place.
 */
@NetworkServiceTest
class MeetingMailIT {

	private static final Actor COORDINATOR = new Actor("test-coordinator", "coordinator", List.of("coordinator"));

	@Autowired
	Meetings meetings;

	@Autowired
	MeetingReminders reminders;

	@Autowired
	JdbcClient jdbc;

	private static MeetingInput at(String title, LocalDateTime start, int capacity) {
		return new MeetingInput(title, null, "A meeting to test mail.", "", List.of(), start.toString(),
				start.plusHours(2).toString(), "UTC", "Reed Hall, Exeter", "https://meet.example.org/mail", capacity,
				null, List.of());
	}

	private Meetings.Attendee answer(MeetingView meeting, String who) {
		Meetings.Attendee attendee = new Meetings.Attendee(who + "-" + UUID.randomUUID(), who,
				Applicants.uniqueEmail(who));
		this.meetings.attend(meeting.slug(), attendee);
		return attendee;
	}

	@Test
	void everyoneWhoAnsweredIsToldOfAChangeAndOfACancellation() {
		String title = "Mail test " + UUID.randomUUID();
		MeetingInput input = at(title, LocalDateTime.parse("2031-05-01T10:00"), 1);
		MeetingView meeting = this.meetings.schedule(input, COORDINATOR);
		Meetings.Attendee attending = answer(meeting, "attending");
		Meetings.Attendee waiting = answer(meeting, "waiting");
		Meetings.Attendee withdrawn = answer(meeting, "withdrawn");
		this.meetings.withdraw(meeting.slug(), withdrawn.id());

		this.meetings.update(meeting.id(), at(title, LocalDateTime.parse("2031-05-02T15:00"), 1), COORDINATOR);
		for (Meetings.Attendee told : List.of(attending, waiting)) {
			Mail.Message changed = Mail.await(told.email(), m -> m.subject().equals("Changed: " + title),
					Duration.ofSeconds(30));
			assertThat(changed.text()).contains("Friday 2 May 2031, 15:00 (UTC)");
		}
		this.meetings.cancel(meeting.id(), COORDINATOR);
		Mail.Message cancelled = Mail.await(attending.email(), m -> m.subject().equals("Cancelled: " + title),
				Duration.ofSeconds(30));
		assertThat(cancelled.text()).contains("has been cancelled");
		Mail.await(waiting.email(), m -> m.subject().equals("Cancelled: " + title), Duration.ofSeconds(30));
		assertThat(Mail.inbox(withdrawn.email())).isEmpty();
	}

	@Test
	void eachAttendeeWithAPlaceIsRemindedOnceTheDayBeforeAndAgainAfterTheTimeChanges() {
		String title = "Reminder test " + UUID.randomUUID();
		LocalDateTime start = LocalDateTime.ofInstant(Instant.now().plus(20, ChronoUnit.HOURS), ZoneOffset.UTC)
			.truncatedTo(ChronoUnit.MINUTES);
		MeetingView meeting = this.meetings.schedule(at(title, start, 2), COORDINATOR);
		Meetings.Attendee first = answer(meeting, "first");
		Meetings.Attendee second = answer(meeting, "second");
		Meetings.Attendee waiting = answer(meeting, "waiting");
		MeetingView later = this.meetings.schedule(at("Later " + title, LocalDateTime.parse("2031-06-01T10:00"), 5),
				COORDINATOR);
		Meetings.Attendee notYet = answer(later, "later");

		this.reminders.remindDue();
		this.reminders.remindDue();
		for (Meetings.Attendee reminded : List.of(first, second)) {
			Mail.Message reminder = Mail.await(reminded.email(),
					m -> m.subject().equals("Reminder: " + title + " is tomorrow"), Duration.ofSeconds(30));
			assertThat(reminder.text()).contains("https://biochemsec2030.example/events/" + meeting.slug());
			assertThat(reminders(reminded)).isEqualTo(1);
		}
		assertThat(reminders(waiting)).isZero();
		assertThat(reminders(notYet)).isZero();

		// A new time: the reminder is due again, once.
		this.meetings.update(meeting.id(), at(title, start.plusHours(2), 2), COORDINATOR);
		this.reminders.remindDue();
		this.reminders.remindDue();
		assertThat(reminders(first)).isEqualTo(2);
		assertThat(reminders(second)).isEqualTo(2);
	}

	/** Reminders queued (sent or still waiting) for this attendee. */
	private long reminders(Meetings.Attendee attendee) {
		return this.jdbc.sql("select count(*) from mail_outbox where recipient = ? and subject like 'Reminder:%'")
			.param(attendee.email())
			.query(Long.class)
			.single();
	}

}
