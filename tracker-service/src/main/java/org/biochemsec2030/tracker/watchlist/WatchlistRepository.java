package org.biochemsec2030.tracker.watchlist;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.tracker.support.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WatchlistRepository {

	private static final String COLUMNS = "select id, owner_kind, owner_id, fields, regimes, updated_at from watchlist";

	private final JdbcClient jdbc;

	WatchlistRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Watchlist save(String kind, String owner, List<String> fields, List<String> regimes, Instant now) {
		this.jdbc.sql("""
				insert into watchlist (id, owner_kind, owner_id, fields, regimes, updated_at)
				values (:id, :kind, :owner, :fields, :regimes, :now)
				on conflict (owner_kind, owner_id)
				do update set fields = excluded.fields, regimes = excluded.regimes, updated_at = excluded.updated_at""")
			.param("id", UUID.randomUUID())
			.param("kind", kind)
			.param("owner", owner)
			.param("fields", Jdbc.array(fields))
			.param("regimes", Jdbc.array(regimes))
			.param("now", Jdbc.timestamp(now))
			.update();
		return find(kind, owner).orElseThrow();
	}

	Optional<Watchlist> find(String kind, String owner) {
		return this.jdbc.sql(COLUMNS + " where owner_kind = :kind and owner_id = :owner")
			.param("kind", kind)
			.param("owner", owner)
			.query((rs, n) -> row(rs))
			.optional();
	}

	/** Watchlists naming any of these fields or regimes: the candidates for an alert. */
	List<Watchlist> watching(List<String> fields, List<String> regimes) {
		return this.jdbc
			.sql(COLUMNS
					+ " where fields && cast(:fields as text[]) or regimes && cast(:regimes as text[]) order by id")
			.param("fields", Jdbc.array(fields))
			.param("regimes", Jdbc.array(regimes))
			.query((rs, n) -> row(rs))
			.list();
	}

	int delete(String kind, String owner) {
		return this.jdbc.sql("delete from watchlist where owner_kind = :kind and owner_id = :owner")
			.param("kind", kind)
			.param("owner", owner)
			.update();
	}

	private static Watchlist row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Watchlist(rs.getObject("id", UUID.class), rs.getString("owner_kind"), rs.getString("owner_id"),
				Jdbc.list(rs, "fields"), Jdbc.list(rs, "regimes"), Jdbc.instant(rs, "updated_at"));
	}

}
