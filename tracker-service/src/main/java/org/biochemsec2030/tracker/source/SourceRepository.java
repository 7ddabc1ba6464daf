package org.biochemsec2030.tracker.source;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.tracker.support.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain JDBC: claiming due sources is one {@code UPDATE ... SKIP LOCKED ... RETURNING}.
 */
@Repository
class SourceRepository {

	private final JdbcClient jdbc;

	SourceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, String name, String url, Duration pollEvery, Instant now, String by) {
		this.jdbc.sql("""
				insert into source (id, name, url, poll_every_seconds, next_poll_at, created_at, created_by)
				values (:id, :name, :url, :every, :now, :now, :by)""")
			.param("id", id)
			.param("name", name)
			.param("url", url)
			.param("every", (int) pollEvery.toSeconds())
			.param("now", Jdbc.timestamp(now))
			.param("by", by)
			.update();
	}

	/** Whether a source other than {@code except} (null: any) has this address. */
	boolean urlTaken(String url, UUID except) {
		return this.jdbc.sql("select count(*) from source where url = :url and id is distinct from :except")
			.param("url", url)
			.param("except", except)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * A new address starts afresh: the validators of the old one mean nothing to it, and
	 * it is due at once.
	 */
	boolean update(UUID id, String name, String url, Duration pollEvery, Instant now) {
		return this.jdbc.sql("""
				update source set name = :name, poll_every_seconds = :every,
				       etag = case when url = :url then etag end,
				       last_modified = case when url = :url then last_modified end,
				       next_poll_at = case when url = :url then next_poll_at else :now end,
				       url = :url
				where id = :id""")
			.param("id", id)
			.param("name", name)
			.param("url", url)
			.param("every", (int) pollEvery.toSeconds())
			.param("now", Jdbc.timestamp(now))
			.update() == 1;
	}

	boolean setEnabled(UUID id, boolean enabled) {
		return this.jdbc.sql("update source set enabled = :enabled where id = :id")
			.param("id", id)
			.param("enabled", enabled)
			.update() == 1;
	}

	boolean hasReports(UUID id) {
		return this.jdbc.sql("select exists (select 1 from item_report where source_id = :id)")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	boolean delete(UUID id) {
		return this.jdbc.sql("delete from source where id = :id").param("id", id).update() == 1;
	}

	/**
	 * Sources due at {@code now}, each pushed {@code lease} into the future so that no
	 * other replica polls it meanwhile; the poll's outcome then sets the real next time.
	 * A replica that dies mid-poll leaves the source to be claimed again after the lease.
	 */
	List<Source> claimDue(Instant now, Duration lease, int batch) {
		return this.jdbc.sql("""
				update source set next_poll_at = :until
				where id in (select id from source where enabled and next_poll_at <= :now
				             order by next_poll_at limit :batch for update skip locked)
				returning id, name, url, poll_every_seconds, etag, last_modified, consecutive_failures""")
			.param("now", Jdbc.timestamp(now))
			.param("until", Jdbc.timestamp(now.plus(lease)))
			.param("batch", batch)
			.query(SourceRepository::source)
			.list();
	}

	Optional<Source> find(UUID id) {
		return this.jdbc.sql("""
				select id, name, url, poll_every_seconds, etag, last_modified, consecutive_failures
				from source where id = :id""").param("id", id).query(SourceRepository::source).optional();
	}

	void recordSuccess(UUID id, Instant now, String status, String etag, String lastModified, Instant next,
			int newReports) {
		this.jdbc.sql("""
				update source set last_polled_at = :now, last_success_at = :now, last_status = :status,
				       etag = :etag, last_modified = :lastModified, consecutive_failures = 0,
				       next_poll_at = :next, items_seen = items_seen + :reports
				where id = :id""")
			.param("id", id)
			.param("now", Jdbc.timestamp(now))
			.param("status", status)
			.param("etag", etag)
			.param("lastModified", lastModified)
			.param("next", Jdbc.timestamp(next))
			.param("reports", newReports)
			.update();
	}

	void recordFailure(UUID id, Instant now, String error, int failures, Instant next) {
		this.jdbc.sql("""
				update source set last_polled_at = :now, last_error_at = :now, last_error = :error,
				       last_status = 'failed', consecutive_failures = :failures, next_poll_at = :next
				where id = :id""")
			.param("id", id)
			.param("now", Jdbc.timestamp(now))
			.param("error", error)
			.param("failures", failures)
			.param("next", Jdbc.timestamp(next))
			.update();
	}

	List<SourceHealth> health() {
		return this.jdbc.sql(HEALTH + " order by name, id").query(SourceRepository::toHealth).list();
	}

	Optional<SourceHealth> health(UUID id) {
		return this.jdbc.sql(HEALTH + " where id = :id").param("id", id).query(SourceRepository::toHealth).optional();
	}

	private static final String HEALTH = """
			select id, name, url, poll_every_seconds, enabled, last_polled_at, last_success_at, last_status,
			       last_error_at, last_error, consecutive_failures, next_poll_at, items_seen
			from source""";

	private static Source source(ResultSet rs, int row) throws SQLException {
		return new Source(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("url"),
				Duration.ofSeconds(rs.getInt("poll_every_seconds")), rs.getString("etag"),
				rs.getString("last_modified"), rs.getInt("consecutive_failures"));
	}

	private static SourceHealth toHealth(ResultSet rs, int row) throws SQLException {
		return new SourceHealth(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("url"),
				rs.getInt("poll_every_seconds"), rs.getBoolean("enabled"), Jdbc.instant(rs, "last_polled_at"),
				Jdbc.instant(rs, "last_success_at"), rs.getString("last_status"), Jdbc.instant(rs, "last_error_at"),
				rs.getString("last_error"), rs.getInt("consecutive_failures"), Jdbc.instant(rs, "next_poll_at"),
				rs.getLong("items_seen"));
	}

}
