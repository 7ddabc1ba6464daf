package org.biochemsec2030.network.meeting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Time changes the public meeting pages without a write: a meeting that has ended moves
 * from upcoming to past, one whose registration has closed says so, and one that ended a
 * year ago leaves the calendar feed. The pages are kept per site version
 * (platform/pages), which only writes bump, so this bumps it when such a moment has
 * passed since the last look. Each replica looks for itself; two bumps for one moment
 * only cost a rendering.
 */
@Component
class MeetingTimes {

	private final JdbcClient jdbc;

	private final Clock clock;

	private Instant since;

	MeetingTimes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		// Pages kept before this replica started were rendered by another that looks too.
		this.since = clock.instant();
	}

	@Scheduled(fixedDelayString = "${bcs.network.meetings.times-interval:1s}")
	void look() {
		Instant now = this.clock.instant();
		passed(this.since, now);
		this.since = now;
	}

	/**
	 * Bumps the site version if a meeting began, ended, closed its registration or left
	 * the calendar feed (Meetings#calendarRows, a year after its end) after {@code since}
	 * and by {@code now}; whether it did.
	 */
	boolean passed(Instant since, Instant now) {
		// The same row and statement as site_version_changed()
		// (db/pages/site_version.sql),
		// outside of any trigger: one bump, in a transaction of its own.
		return this.jdbc.sql("""
				update site_version set version = version + 1
				where exists (select 1 from meeting m, unnest(array[m.starts_at, m.ends_at, m.registration_closes_at,
				                                                      m.ends_at + interval '365 days']) as moment
				              where moment > :since and moment <= :now)""")
			.param("since", Timestamp.from(since))
			.param("now", Timestamp.from(now))
			.update() > 0;
	}

}
