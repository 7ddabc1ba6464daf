package org.biochemsec2030.tracker.suggestion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.biochemsec2030.tracker.support.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SuggestionRepository {

	private final JdbcClient jdbc;

	SuggestionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Suggestion suggestion) {
		this.jdbc.sql("""
				insert into source_suggestion (id, url, reason, member_id, member_name, suggested_at)
				values (:id, :url, :reason, :memberId, :memberName, :at)""")
			.param("id", suggestion.id())
			.param("url", suggestion.url())
			.param("reason", suggestion.reason())
			.param("memberId", suggestion.memberId())
			.param("memberName", suggestion.memberName())
			.param("at", Jdbc.timestamp(suggestion.suggestedAt()))
			.update();
	}

	List<Suggestion> latest(int limit) {
		return this.jdbc.sql("select * from source_suggestion order by suggested_at desc, id limit :limit")
			.param("limit", limit)
			.query((rs, n) -> new Suggestion(rs.getObject("id", UUID.class), rs.getString("url"),
					rs.getString("reason"), rs.getString("member_id"), rs.getString("member_name"),
					Jdbc.instant(rs, "suggested_at"), Jdbc.instant(rs, "anonymised_at")))
			.list();
	}

	int anonymise(String memberId, Instant now) {
		return this.jdbc.sql("""
				update source_suggestion set member_id = null, member_name = null, anonymised_at = :now
				where member_id = :member""").param("member", memberId).param("now", Jdbc.timestamp(now)).update();
	}

}
