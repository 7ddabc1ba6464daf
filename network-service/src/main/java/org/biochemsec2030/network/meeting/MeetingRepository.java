package org.biochemsec2030.network.meeting;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Meetings and answers in PostgreSQL. Plain SQL: every change to a meeting's answers
 * first locks the meeting's row ({@code select ... for update}), which puts concurrent
 * answers in a line so the count of places is never read stale.
 */
@Repository
class MeetingRepository {

	private final JdbcClient jdbc;

	MeetingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A meeting row with its counts of answers. */
	record Row(UUID id, String slug, String title, String summary, String agenda, List<String> speakers,
			Instant startsAt, Instant endsAt, String timeZone, String venue, String onlineUrl, int capacity,
			Instant registrationClosesAt, List<String> topics, String status, int sequence, Instant updatedAt,
			int attending, int waiting) {

	}

	boolean slugTaken(String slug, UUID except) {
		return this.jdbc.sql("select count(*) from meeting where slug = ? and id <> ?")
			.params(slug, except)
			.query(Long.class)
			.single() > 0;
	}

	void insert(UUID id, MeetingRules.Checked m, Instant now) {
		this.jdbc.sql("""
				insert into meeting (id, slug, title, summary, agenda, speakers, starts_at, ends_at, time_zone, venue,
				    online_url, capacity, registration_closes_at, topics, status, sequence, created_at, updated_at)
				values (:id, :slug, :title, :summary, :agenda, :speakers, :startsAt, :endsAt, :zone, :venue, :online,
				    :capacity, :closes, :topics, 'scheduled', 0, :now, :now)
				""").params(params(id, m, now)).update();
	}

	void update(UUID id, MeetingRules.Checked m, Instant now) {
		this.jdbc.sql("""
				update meeting set slug = :slug, title = :title, summary = :summary, agenda = :agenda,
				    speakers = :speakers, starts_at = :startsAt, ends_at = :endsAt, time_zone = :zone, venue = :venue,
				    online_url = :online, capacity = :capacity, registration_closes_at = :closes, topics = :topics,
				    sequence = sequence + 1, updated_at = :now
				 where id = :id
				""").params(params(id, m, now)).update();
	}

	void cancel(UUID id, Instant now) {
		this.jdbc.sql("update meeting set status = 'cancelled', sequence = sequence + 1, updated_at = ? where id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	private static java.util.Map<String, Object> params(UUID id, MeetingRules.Checked m, Instant now) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("id", id);
		params.put("slug", m.slug());
		params.put("title", m.title());
		params.put("summary", m.summary());
		params.put("agenda", m.agenda());
		params.put("speakers", m.speakers().toArray(String[]::new));
		params.put("startsAt", Timestamp.from(m.startsAt()));
		params.put("endsAt", Timestamp.from(m.endsAt()));
		params.put("zone", m.timeZone());
		params.put("venue", m.venue());
		params.put("online", m.onlineUrl());
		params.put("capacity", m.capacity());
		params.put("closes", Timestamp.from(m.registrationClosesAt()));
		params.put("topics", m.topics().toArray(String[]::new));
		params.put("now", Timestamp.from(now));
		return params;
	}

	private static final String SELECT = """
			select m.*,
			       (select count(*) from rsvp r where r.meeting_id = m.id and r.status = 'attending') as attending,
			       (select count(*) from rsvp r where r.meeting_id = m.id and r.status = 'waiting') as waiting
			  from meeting m
			""";

	/** The meeting with this slug, its row locked until the transaction ends. */
	Optional<UUID> lockBySlug(String slug) {
		return this.jdbc.sql("select id from meeting where slug = ? for update")
			.param(slug)
			.query(UUID.class)
			.optional();
	}

	Optional<UUID> lock(UUID id) {
		return this.jdbc.sql("select id from meeting where id = ? for update").param(id).query(UUID.class).optional();
	}

	Optional<Row> bySlug(String slug) {
		return this.jdbc.sql(SELECT + " where m.slug = ?").param(slug).query((rs, n) -> row(rs)).optional();
	}

	Optional<Row> byId(UUID id) {
		return this.jdbc.sql(SELECT + " where m.id = ?").param(id).query((rs, n) -> row(rs)).optional();
	}

	List<Row> upcoming(Instant now, int limit) {
		return this.jdbc.sql(SELECT + " where m.ends_at >= ? and m.status = 'scheduled' order by m.starts_at limit ?")
			.params(Timestamp.from(now), limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	List<Row> scheduledBetween(Instant since, Instant until, Instant now) {
		return this.jdbc
			.sql(SELECT + " where m.created_at > ? and m.created_at <= ? and m.ends_at >= ? and m.status = 'scheduled'"
					+ " order by m.starts_at limit 50")
			.params(Timestamp.from(since), Timestamp.from(until), Timestamp.from(now))
			.query((rs, n) -> row(rs))
			.list();
	}

	List<Row> past(Instant now, int limit) {
		return this.jdbc.sql(SELECT + " where m.ends_at < ? order by m.starts_at desc limit ?")
			.params(Timestamp.from(now), limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	/**
	 * Every meeting for the calendar feed: the coming ones and a year back, cancelled
	 * included.
	 */
	List<Row> forCalendar(Instant since) {
		return this.jdbc.sql(SELECT + " where m.ends_at >= ? order by m.starts_at")
			.param(Timestamp.from(since))
			.query((rs, n) -> row(rs))
			.list();
	}

	List<Row> all() {
		return this.jdbc.sql(SELECT + " order by m.starts_at desc").query((rs, n) -> row(rs)).list();
	}

	/** An attendee's answer. */
	record Answer(String attendeeId, String name, String email, String status, long queuePosition,
			Instant respondedAt) {

	}

	Optional<Answer> answer(UUID meeting, String attendee) {
		return this.jdbc
			.sql("select attendee_id, attendee_name, attendee_email, status, queue_position, responded_at from rsvp"
					+ " where meeting_id = ? and attendee_id = ?")
			.params(meeting, attendee)
			.query((rs, n) -> answer(rs))
			.optional();
	}

	List<Answer> answers(UUID meeting) {
		return this.jdbc
			.sql("select attendee_id, attendee_name, attendee_email, status, queue_position, responded_at from rsvp"
					+ " where meeting_id = ? order by queue_position")
			.param(meeting)
			.query((rs, n) -> answer(rs))
			.list();
	}

	int waitingPosition(UUID meeting, long queuePosition) {
		return this.jdbc
			.sql("select count(*) from rsvp where meeting_id = ? and status = 'waiting' and queue_position <= ?")
			.params(meeting, queuePosition)
			.query(Integer.class)
			.single();
	}

	int attending(UUID meeting) {
		return this.jdbc.sql("select count(*) from rsvp where meeting_id = ? and status = 'attending'")
			.param(meeting)
			.query(Integer.class)
			.single();
	}

	void answer(UUID meeting, String attendee, String name, String email, String status, Instant now) {
		this.jdbc.sql("""
				insert into rsvp (meeting_id, attendee_id, attendee_name, attendee_email, status, queue_position,
				    responded_at)
				values (?, ?, ?, ?, ?, nextval('rsvp_queue'), ?)
				on conflict (meeting_id, attendee_id) do update set status = excluded.status,
				    attendee_name = excluded.attendee_name, attendee_email = excluded.attendee_email,
				    queue_position = excluded.queue_position, responded_at = excluded.responded_at
				""").params(meeting, attendee, name, email, status, Timestamp.from(now)).update();
	}

	void setStatus(UUID meeting, String attendee, String status, Instant now) {
		this.jdbc.sql("update rsvp set status = ?, responded_at = ? where meeting_id = ? and attendee_id = ?")
			.params(status, Timestamp.from(now), meeting, attendee)
			.update();
	}

	List<String> slugsAnsweredBy(String attendee) {
		return this.jdbc.sql("select m.slug from rsvp r join meeting m on m.id = r.meeting_id where r.attendee_id = ?")
			.param(attendee)
			.query(String.class)
			.list();
	}

	void deleteAnswers(String attendee) {
		this.jdbc.sql("delete from rsvp where attendee_id = ?").param(attendee).update();
	}

	void forgetReminders(UUID meeting) {
		this.jdbc.sql("update rsvp set reminded_at = null where meeting_id = ?").param(meeting).update();
	}

	/** An attendee with a place at a meeting that starts soon, not reminded yet. */
	record Due(UUID meetingId, String attendeeId, String name, String email) {

	}

	/**
	 * Attendees of meetings starting between {@code now} and {@code until} who have not
	 * been reminded, locked so that another replica skips them.
	 */
	List<Due> dueForReminder(Instant now, Instant until, int limit) {
		return this.jdbc.sql("""
				select r.meeting_id, r.attendee_id, r.attendee_name as name, r.attendee_email as email
				  from rsvp r join meeting m on m.id = r.meeting_id
				 where m.status = 'scheduled' and r.status = 'attending' and r.reminded_at is null
				   and r.attendee_email is not null and m.starts_at > ? and m.starts_at <= ?
				 order by m.starts_at
				 limit ?
				 for update of r skip locked
				""").params(Timestamp.from(now), Timestamp.from(until), limit).query(Due.class).list();
	}

	void reminded(UUID meeting, String attendee, Instant now) {
		this.jdbc.sql("update rsvp set reminded_at = ? where meeting_id = ? and attendee_id = ?")
			.params(Timestamp.from(now), meeting, attendee)
			.update();
	}

	/** The first in line on the waiting list. */
	Optional<Answer> firstWaiting(UUID meeting) {
		return this.jdbc
			.sql("select attendee_id, attendee_name, attendee_email, status, queue_position, responded_at from rsvp"
					+ " where meeting_id = ? and status = 'waiting' order by queue_position limit 1")
			.param(meeting)
			.query((rs, n) -> answer(rs))
			.optional();
	}

	private static Answer answer(ResultSet rs) throws SQLException {
		return new Answer(rs.getString("attendee_id"), rs.getString("attendee_name"), rs.getString("attendee_email"),
				rs.getString("status"), rs.getLong("queue_position"), rs.getTimestamp("responded_at").toInstant());
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
				rs.getString("summary"), rs.getString("agenda"), strings(rs.getArray("speakers")),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
				rs.getString("time_zone"), rs.getString("venue"), rs.getString("online_url"), rs.getInt("capacity"),
				rs.getTimestamp("registration_closes_at").toInstant(), strings(rs.getArray("topics")),
				rs.getString("status"), rs.getInt("sequence"), rs.getTimestamp("updated_at").toInstant(),
				rs.getInt("attending"), rs.getInt("waiting"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array == null) ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
