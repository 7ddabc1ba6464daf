package org.biochemsec2030.publishing.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.biochemsec2030.publishing.support.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MeetingRepository {

	private final JdbcClient jdbc;

	MeetingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts or, for a known slug, replaces the meeting's details. */
	void save(MeetingInput m, Instant now) {
		this.jdbc.sql("""
				insert into treaty_meeting (slug, name, regime, starts_on, ends_on, place, created_at)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (slug) do update set name = excluded.name, regime = excluded.regime,
				    starts_on = excluded.starts_on, ends_on = excluded.ends_on, place = excluded.place""")
			.params(m.slug(), m.name(), m.regime(), m.startsOn(), m.endsOn(), m.place(), Jdbc.timestamp(now))
			.update();
	}

	Optional<TreatyMeeting> find(String slug) {
		return this.jdbc.sql("select * from treaty_meeting where slug = ?")
			.param(slug)
			.query(MeetingRepository::meeting)
			.optional();
	}

	List<TreatyMeeting> all() {
		return this.jdbc.sql("select * from treaty_meeting order by starts_on desc, slug")
			.query(MeetingRepository::meeting)
			.list();
	}

	private static TreatyMeeting meeting(ResultSet rs, int row) throws SQLException {
		String slug = rs.getString("slug");
		return new TreatyMeeting(slug, rs.getString("name"), rs.getString("regime"), Jdbc.date(rs, "starts_on"),
				Jdbc.date(rs, "ends_on"), rs.getString("place"), "/meetings/" + slug);
	}

}
