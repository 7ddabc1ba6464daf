package org.biochemsec2030.network.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.contracts.network.MeetingCancelled;
import org.biochemsec2030.contracts.network.MeetingScheduled;
import org.biochemsec2030.contracts.network.MeetingUpdated;
import org.biochemsec2030.network.mail.Mailer;
import org.biochemsec2030.network.support.Conflict;
import org.biochemsec2030.network.support.InvalidInput;
import org.biochemsec2030.network.support.NetworkProperties;
import org.biochemsec2030.network.support.NetworkTopics;
import org.biochemsec2030.network.support.NotFound;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network's meetings: scheduling, changes and cancellation (announced on
 * {@code bcs.network} and {@code bcs.public}, attendees told by mail), and members'
 * answers with a waiting list. Every answer first locks the meeting's row, so answers
 * arriving together are counted one after the other and never exceed the places; a place
 * given up goes to the first in line.
 */
@Service
public class Meetings {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm",
			Locale.ENGLISH);

	private final MeetingRepository repository;

	private final NetworkTopics topics;

	private final Mailer mailer;

	private final AuditLog audit;

	private final NetworkProperties properties;

	private final Clock clock;

	Meetings(MeetingRepository repository, NetworkTopics topics, Mailer mailer, AuditLog audit,
			NetworkProperties properties, Clock clock) {
		this.repository = repository;
		this.topics = topics;
		this.mailer = mailer;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/** Who answers: the token's subject, a name to list and where to mail them. */
	public record Attendee(String id, String name, String email) {

	}

	@Transactional
	public MeetingView schedule(MeetingInput input, Actor actor) {
		MeetingRules.Checked checked = MeetingRules.check(input);
		UUID id = UUID.randomUUID();
		if (this.repository.slugTaken(checked.slug(), id)) {
			throw InvalidInput.of("slug",
					"Another meeting has the address /events/" + checked.slug() + ": choose another");
		}
		this.repository.insert(id, checked, this.clock.instant());
		MeetingRepository.Row row = this.repository.byId(id).orElseThrow();
		this.topics.announce(new MeetingScheduled(id.toString(), row.title(), row.summary(), url(row), row.startsAt(),
				row.endsAt(), location(row), row.topics()));
		this.audit.record(actor, "meeting.scheduled", "meeting:" + id, Map.of());
		return view(row, null);
	}

	@Transactional
	public MeetingView update(UUID id, MeetingInput input, Actor actor) {
		this.repository.lock(id).orElseThrow(() -> new NotFound("No meeting " + id));
		MeetingRepository.Row before = this.repository.byId(id).orElseThrow();
		if ("cancelled".equals(before.status())) {
			throw new Conflict("This meeting is cancelled: it cannot be changed.");
		}
		MeetingRules.Checked checked = MeetingRules.check(input);
		if (this.repository.slugTaken(checked.slug(), id)) {
			throw InvalidInput.of("slug",
					"Another meeting has the address /events/" + checked.slug() + ": choose another");
		}
		Instant now = this.clock.instant();
		this.repository.update(id, checked, now);
		if (!before.startsAt().equals(checked.startsAt())) {
			// A new time: the reminder is due again, for the new day.
			this.repository.forgetReminders(id);
		}
		// More places: the waiting list moves up.
		fillFromWaitingList(id, now);
		MeetingRepository.Row row = this.repository.byId(id).orElseThrow();
		this.topics.announce(new MeetingUpdated(id.toString(), row.title(), row.summary(), url(row), row.startsAt(),
				row.endsAt(), location(row), row.topics(), row.sequence()));
		this.audit.record(actor, "meeting.updated", "meeting:" + id, Map.of("sequence", row.sequence()));
		tellEveryoneWhoAnswered(row, "Changed: " + row.title(),
				"the meeting \"" + row.title() + "\" has changed. It is now on " + shown(row.startsAt(), row) + " ("
						+ row.timeZone() + "), " + location(row) + ".\n\nDetails: " + this.properties.link(url(row))
						+ "\n");
		return view(row, null);
	}

	@Transactional
	public MeetingView cancel(UUID id, Actor actor) {
		this.repository.lock(id).orElseThrow(() -> new NotFound("No meeting " + id));
		MeetingRepository.Row before = this.repository.byId(id).orElseThrow();
		if ("cancelled".equals(before.status())) {
			throw new Conflict("This meeting is already cancelled.");
		}
		Instant now = this.clock.instant();
		this.repository.cancel(id, now);
		MeetingRepository.Row row = this.repository.byId(id).orElseThrow();
		this.topics.announce(new MeetingCancelled(id.toString(), row.title(), url(row), row.startsAt(), now));
		this.audit.record(actor, "meeting.cancelled", "meeting:" + id, Map.of());
		tellEveryoneWhoAnswered(row, "Cancelled: " + row.title(), "the meeting \"" + row.title() + "\" on "
				+ shown(row.startsAt(), row) + " has been cancelled. We are sorry for the trouble.\n");
		return view(row, null);
	}

	/**
	 * Answers yes for a member: a place while there is one, otherwise the waiting list.
	 * Answering again changes nothing.
	 */
	@Transactional
	public Rsvp attend(String slug, Attendee attendee) {
		UUID id = this.repository.lockBySlug(slug).orElseThrow(() -> new NotFound("No meeting " + slug));
		MeetingRepository.Row row = this.repository.byId(id).orElseThrow();
		Instant now = this.clock.instant();
		if ("cancelled".equals(row.status())) {
			throw new Conflict("This meeting is cancelled.");
		}
		Optional<MeetingRepository.Answer> existing = this.repository.answer(id, attendee.id());
		if (existing.isPresent() && !"cancelled".equals(existing.get().status())) {
			return rsvp(id, existing.get());
		}
		if (!now.isBefore(row.registrationClosesAt())) {
			throw new Conflict("Registration for this meeting has closed.");
		}
		String status = (this.repository.attending(id) < row.capacity()) ? "attending" : "waiting";
		this.repository.answer(id, attendee.id(), attendee.name(), attendee.email(), status, now);
		return rsvp(id, this.repository.answer(id, attendee.id()).orElseThrow());
	}

	/** Withdraws a member's answer; a place given up goes to the first in line. */
	@Transactional
	public Rsvp withdraw(String slug, String attendeeId) {
		UUID id = this.repository.lockBySlug(slug).orElseThrow(() -> new NotFound("No meeting " + slug));
		Optional<MeetingRepository.Answer> existing = this.repository.answer(id, attendeeId);
		if (existing.isEmpty() || "cancelled".equals(existing.get().status())) {
			return new Rsvp("cancelled", 0);
		}
		Instant now = this.clock.instant();
		this.repository.setStatus(id, attendeeId, "cancelled", now);
		if ("attending".equals(existing.get().status())) {
			fillFromWaitingList(id, now);
		}
		return new Rsvp("cancelled", 0);
	}

	/**
	 * Removes every answer of an attendee (erasure): a place they held goes to the first
	 * in line, then their rows are deleted.
	 */
	@Transactional
	public void forget(String attendeeId) {
		withdrawEverywhere(attendeeId);
		this.repository.deleteAnswers(attendeeId);
	}

	/**
	 * Withdraws every answer of an attendee (they leave the network): places they held go
	 * to the first in line; the answers stay on record as withdrawn.
	 */
	@Transactional
	public void withdrawEverywhere(String attendeeId) {
		for (String slug : this.repository.slugsAnsweredBy(attendeeId)) {
			withdraw(slug, attendeeId);
		}
	}

	private void fillFromWaitingList(UUID id, Instant now) {
		MeetingRepository.Row row = this.repository.byId(id).orElseThrow();
		int free = row.capacity() - row.attending();
		for (int i = 0; i < free; i++) {
			Optional<MeetingRepository.Answer> next = this.repository.firstWaiting(id);
			if (next.isEmpty()) {
				return;
			}
			this.repository.setStatus(id, next.get().attendeeId(), "attending", now);
			if (next.get().email() != null) {
				this.mailer.queue(next.get().email(), "You have a place: " + row.title(),
						"Hello " + next.get().name() + ",\n\na place has become free and it is yours: you are now "
								+ "attending \"" + row.title() + "\" on " + shown(row.startsAt(), row) + " ("
								+ row.timeZone() + ").\n\nDetails and calendar file: " + this.properties.link(url(row))
								+ "\n");
			}
		}
	}

	public List<MeetingView> upcoming(int limit) {
		return this.repository.upcoming(this.clock.instant(), limit).stream().map(row -> view(row, null)).toList();
	}

	/** Coming meetings scheduled after {@code since} (for digests). */
	public List<MeetingView> scheduledSince(Instant since, Instant until) {
		return this.repository.scheduledBetween(since, until, this.clock.instant())
			.stream()
			.map(row -> view(row, null))
			.toList();
	}

	public List<MeetingView> past(int limit) {
		return this.repository.past(this.clock.instant(), limit).stream().map(row -> view(row, null)).toList();
	}

	public List<MeetingView> all() {
		return this.repository.all().stream().map(row -> view(row, null)).toList();
	}

	/**
	 * One meeting as this viewer sees it (their answer, the link if they have a place).
	 */
	public MeetingView bySlug(String slug, String viewerId) {
		MeetingRepository.Row row = this.repository.bySlug(slug).orElseThrow(() -> new NotFound("No meeting " + slug));
		Rsvp rsvp = (viewerId == null) ? null
				: this.repository.answer(row.id(), viewerId).map(a -> rsvp(row.id(), a)).orElse(null);
		return view(row, rsvp);
	}

	public MeetingView byId(UUID id) {
		return this.repository.byId(id).map(row -> view(row, null)).orElseThrow(() -> new NotFound("No meeting " + id));
	}

	/** Everyone who answered, in the order they did (for coordinators). */
	public record AnswerView(String name, String email, String status, Instant respondedAt) {

	}

	public List<AnswerView> answers(UUID id) {
		return this.repository.answers(id)
			.stream()
			.map(a -> new AnswerView(a.name(), a.email(), a.status(), a.respondedAt()))
			.toList();
	}

	MeetingRepository.Row row(String slug) {
		return this.repository.bySlug(slug).orElseThrow(() -> new NotFound("No meeting " + slug));
	}

	List<MeetingRepository.Row> calendarRows() {
		return this.repository.forCalendar(this.clock.instant().minus(Duration.ofDays(365)));
	}

	private Rsvp rsvp(UUID meeting, MeetingRepository.Answer answer) {
		int position = "waiting".equals(answer.status())
				? this.repository.waitingPosition(meeting, answer.queuePosition()) : 0;
		return new Rsvp(answer.status(), position);
	}

	private void tellEveryoneWhoAnswered(MeetingRepository.Row row, String subject, String text) {
		for (MeetingRepository.Answer answer : this.repository.answers(row.id())) {
			if (!"cancelled".equals(answer.status()) && answer.email() != null) {
				this.mailer.queue(answer.email(), subject, "Hello " + answer.name() + ",\n\n" + text);
			}
		}
	}

	static String url(MeetingRepository.Row row) {
		return "/events/" + row.slug();
	}

	static String location(MeetingRepository.Row row) {
		if (row.venue() != null) {
			return (row.onlineUrl() != null) ? row.venue() + " and online" : row.venue();
		}
		return "online";
	}

	static String shown(Instant instant, MeetingRepository.Row row) {
		return SHOWN.format(instant.atZone(ZoneId.of(row.timeZone())));
	}

	private MeetingView view(MeetingRepository.Row row, Rsvp rsvp) {
		boolean hasPlace = rsvp != null && "attending".equals(rsvp.status());
		Instant now = this.clock.instant();
		return new MeetingView(row.id(), row.slug(), url(row), row.title(), row.summary(), row.agenda(), row.speakers(),
				row.startsAt(), row.endsAt(), row.timeZone(), shown(row.startsAt(), row), shown(row.endsAt(), row),
				row.venue(), row.onlineUrl() != null, location(row), hasPlace ? row.onlineUrl() : null, row.capacity(),
				row.attending(), row.waiting(), row.attending() >= row.capacity(), row.registrationClosesAt(),
				"scheduled".equals(row.status()) && now.isBefore(row.registrationClosesAt()), row.topics(),
				row.status(), row.sequence(), rsvp);
	}

}
