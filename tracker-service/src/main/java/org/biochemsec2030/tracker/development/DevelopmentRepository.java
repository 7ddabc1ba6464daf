package org.biochemsec2030.tracker.development;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.tracker.support.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DevelopmentRepository {

	private final JdbcClient jdbc;

	DevelopmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, String slug, String title, Instant now, String by) {
		this.jdbc.sql("""
				insert into development (id, slug, title, created_at, created_by, updated_at)
				values (:id, :slug, :title, :now, :by, :now)""")
			.param("id", id)
			.param("slug", slug)
			.param("title", title)
			.param("now", Jdbc.timestamp(now))
			.param("by", by)
			.update();
	}

	boolean slugTaken(String slug) {
		return this.jdbc.sql("select count(*) from development where slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.single() > 0;
	}

	boolean lock(UUID id) {
		return this.jdbc.sql("select id from development where id = :id for update")
			.param("id", id)
			.query(UUID.class)
			.optional()
			.isPresent();
	}

	Optional<UUID> developmentOf(UUID itemId) {
		return this.jdbc.sql("select development_id from development_item where item_id = :item")
			.param("item", itemId)
			.query(UUID.class)
			.optional();
	}

	void addItem(UUID developmentId, UUID itemId, Instant now, String by) {
		this.jdbc.sql("""
				insert into development_item (development_id, item_id, added_at, added_by)
				values (:development, :item, :now, :by)""")
			.param("development", developmentId)
			.param("item", itemId)
			.param("now", Jdbc.timestamp(now))
			.param("by", by)
			.update();
		this.jdbc.sql("update development set updated_at = :now where id = :id")
			.param("id", developmentId)
			.param("now", Jdbc.timestamp(now))
			.update();
	}

	boolean update(UUID id, String title, String summary, Instant now) {
		return this.jdbc
			.sql("update development set title = :title, summary = :summary, updated_at = :now where id = :id")
			.param("id", id)
			.param("title", title)
			.param("summary", summary)
			.param("now", Jdbc.timestamp(now))
			.update() == 1;
	}

	void setStatus(UUID id, String status, Instant now) {
		this.jdbc.sql("update development set status = :status, updated_at = :now where id = :id")
			.param("id", id)
			.param("status", status)
			.param("now", Jdbc.timestamp(now))
			.update();
	}

	Optional<UUID> bySlug(String slug) {
		return this.jdbc.sql("select id from development where slug = :slug")
			.param("slug", slug)
			.query(UUID.class)
			.optional();
	}

	void touch(UUID id, Instant now) {
		this.jdbc.sql("update development set updated_at = :now where id = :id")
			.param("id", id)
			.param("now", Jdbc.timestamp(now))
			.update();
	}

	/** Newest change first. */
	List<UUID> ids(String status, int limit, long offset) {
		return this.jdbc.sql("""
				select id from development where (:status::text is null or status = :status)
				order by updated_at desc, id limit :limit offset :offset""")
			.param("status", status)
			.param("limit", limit)
			.param("offset", offset)
			.query(UUID.class)
			.list();
	}

	Optional<DevelopmentView> find(UUID id) {
		List<UUID> items = this.jdbc
			.sql("select item_id from development_item where development_id = :id order by added_at, item_id")
			.param("id", id)
			.query(UUID.class)
			.list();
		return this.jdbc.sql("""
				select id, slug, title, summary, status, created_at, updated_at from development where id = :id""")
			.param("id", id)
			.query((rs, n) -> new DevelopmentView(rs.getObject("id", UUID.class), rs.getString("slug"),
					rs.getString("title"), rs.getString("summary"), rs.getString("status"),
					Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"), items))
			.optional();
	}

}
