package org.biochemsec2030.tracker.publication;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.tracker.support.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A development's publication row, made on first use (every development may get one). */
@Repository
class PublicationRepository {

	private final JdbcClient jdbc;

	PublicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The row as publication sees it.
	 *
	 * @param publishedAt the first publication, kept across withdrawals
	 */
	record Row(boolean hazard, String publicSummary, String publicSummaryBy, String reviewedSummary, String reviewedBy,
			Instant reviewedAt, Instant publishedAt) {

		static final Row NONE = new Row(false, "", null, null, null, null, null);

	}

	Row find(UUID id) {
		return this.jdbc.sql("""
				select hazard, public_summary, public_summary_by, reviewed_summary, reviewed_by, reviewed_at,
				       first_published_at
				from publication where development_id = :id""")
			.param("id", id)
			.query((rs, n) -> new Row(rs.getBoolean("hazard"), rs.getString("public_summary"),
					rs.getString("public_summary_by"), rs.getString("reviewed_summary"), rs.getString("reviewed_by"),
					Jdbc.instant(rs, "reviewed_at"), Jdbc.instant(rs, "first_published_at")))
			.optional()
			.orElse(Row.NONE);
	}

	private void ensure(UUID id) {
		this.jdbc.sql("insert into publication (development_id) values (:id) on conflict do nothing")
			.param("id", id)
			.update();
	}

	void setHazard(UUID id, boolean hazard, String by, Instant now) {
		ensure(id);
		this.jdbc
			.sql("update publication set hazard = :hazard, hazard_by = :by, hazard_at = :now"
					+ " where development_id = :id")
			.param("id", id)
			.param("hazard", hazard)
			.param("by", by)
			.param("now", Jdbc.timestamp(now))
			.update();
	}

	void writePublicSummary(UUID id, String text, String by, Instant now) {
		ensure(id);
		this.jdbc.sql("""
				update publication set public_summary = :text, public_summary_by = :by, public_summary_at = :now
				where development_id = :id""")
			.param("id", id)
			.param("text", text)
			.param("by", by)
			.param("now", Jdbc.timestamp(now))
			.update();
	}

	void review(UUID id, String by, Instant now) {
		this.jdbc.sql("""
				update publication set reviewed_summary = public_summary, reviewed_by = :by, reviewed_at = :now
				where development_id = :id""")
			.param("id", id)
			.param("by", by)
			.param("now", Jdbc.timestamp(now))
			.update();
	}

	void published(UUID id, Instant now) {
		ensure(id);
		this.jdbc.sql("""
				update publication set published_at = :now, first_published_at = coalesce(first_published_at, :now)
				where development_id = :id""").param("id", id).param("now", Jdbc.timestamp(now)).update();
	}

	/** Published developments, the latest published first. */
	List<UUID> published() {
		return this.jdbc.sql("""
				select d.id from development d join publication p on p.development_id = d.id
				where d.status = 'published' order by p.published_at desc, d.id""").query(UUID.class).list();
	}

	Optional<Instant> lastPublished(UUID id) {
		return this.jdbc.sql("select published_at from publication where development_id = :id")
			.param("id", id)
			.query((rs, n) -> Jdbc.instant(rs, "published_at"))
			.optional();
	}

}
