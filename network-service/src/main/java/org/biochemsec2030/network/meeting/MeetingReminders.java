package org.biochemsec2030.network.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.biochemsec2030.network.mail.Mailer;
import org.biochemsec2030.network.support.NetworkProperties;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails each attendee with a place a reminder the day before a meeting. The reminder is
 * queued and the answer marked reminded in one transaction, with the answers taken under
 * locks other replicas skip, so each attendee is reminded once however often and wherever
 * the job runs; a change of the meeting's time makes the reminder due again.
 */
@Component
class MeetingReminders {

	static final Duration BEFORE = Duration.ofHours(24);

	private final MeetingRepository repository;

	private final Mailer mailer;

	private final NetworkProperties properties;

	private final Clock clock;

	MeetingReminders(MeetingRepository repository, Mailer mailer, NetworkProperties properties, Clock clock) {
		this.repository = repository;
		this.mailer = mailer;
		this.properties = properties;
		this.clock = clock;
	}

	/** Queues the reminders now due; returns how many. */
	@Scheduled(fixedDelayString = "${bcs.network.meetings.reminder-interval:1m}")
	@Transactional
	public int remindDue() {
		Instant now = this.clock.instant();
		int sent = 0;
		for (MeetingRepository.Due due : this.repository.dueForReminder(now, now.plus(BEFORE), 200)) {
			MeetingRepository.Row row = this.repository.byId(due.meetingId()).orElseThrow();
			this.mailer.queue(due.email(), "Reminder: " + row.title() + " is tomorrow",
					"Hello " + due.name() + ",\n\na reminder that you have a place at \"" + row.title() + "\" on "
							+ Meetings.shown(row.startsAt(), row) + " (" + row.timeZone() + "), "
							+ Meetings.location(row) + ".\n\nDetails, the link to join and the calendar file: "
							+ this.properties.link(Meetings.url(row)) + "\n\nIf you cannot come, please give up your "
							+ "place on that page so that the next in line can have it.\n");
			this.repository.reminded(due.meetingId(), due.attendeeId(), now);
			sent++;
		}
		return sent;
	}

}
