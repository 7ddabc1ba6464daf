package org.biochemsec2030.publishing.paper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.contracts.publishing.PaperPublished;
import org.biochemsec2030.publishing.support.PublishingTopics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Papers announced to trusted partners ahead of their scheduled publication. The
 * {@code paper.published} event is written once, at scheduling, under embargo until the
 * scheduled time (see platform {@code Announcer}); publication then announces the version
 * but not the paper again, and calling the schedule off recalls the announcement.
 */
@Component
class Embargoes {

	private final JdbcClient jdbc;

	private final PublishingTopics topics;

	Embargoes(JdbcClient jdbc, PublishingTopics topics) {
		this.jdbc = jdbc;
		this.topics = topics;
	}

	/** The embargoed announcement of a paper, if it has one still to become public. */
	Optional<Announced> of(UUID paper) {
		return this.jdbc.sql("select event_id, until from paper_embargo where paper_id = :paper")
			.param("paper", paper)
			.query((rs, row) -> new Announced(rs.getObject("event_id", UUID.class),
					rs.getTimestamp("until").toInstant()))
			.optional();
	}

	void announce(PaperPublished event, Instant until, Instant now) {
		UUID id = this.topics.announceUnderEmbargo(event, until);
		this.jdbc
			.sql("""
					insert into paper_embargo (paper_id, event_id, until, announced_at) values (:paper, :id, :until, :now)""")
			.param("paper", UUID.fromString(event.paperId()))
			.param("id", id)
			.param("until", Timestamp.from(until))
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Recalls the paper's announcement; false when it is too close to (or past) its end
	 * to be recalled.
	 */
	boolean recall(UUID paper, Announced announced) {
		if (this.topics.recall(announced.eventId(), PaperPublished.TYPE, paper.toString()).isEmpty()) {
			return false;
		}
		forget(paper);
		return true;
	}

	/** The paper is public: its announcement has done its work. */
	void forget(UUID paper) {
		this.jdbc.sql("delete from paper_embargo where paper_id = :paper").param("paper", paper).update();
	}

	/**
	 * @param eventId the id of the announcement on every topic
	 * @param until the end of the embargo, the paper's scheduled time
	 */
	record Announced(UUID eventId, Instant until) {

	}

}
