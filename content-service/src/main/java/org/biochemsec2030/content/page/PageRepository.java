package org.biochemsec2030.content.page;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.content.support.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PageRepository {

	record Page(UUID id, String slug, String title, String body, String html, Integer navOrder,
			java.time.Instant updatedAt) {

	}

	private final JdbcClient jdbc;

	PageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void upsert(Page page, String by) {
		this.jdbc.sql("""
				insert into page (id, slug, title, body, html, nav_order, updated_at, updated_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (id) do update set slug = excluded.slug, title = excluded.title, body = excluded.body,
				    html = excluded.html, nav_order = excluded.nav_order, updated_at = excluded.updated_at,
				    updated_by = excluded.updated_by""")
			.params(page.id(), page.slug(), page.title(), page.body(), page.html(), page.navOrder(),
					Jdbc.timestamp(page.updatedAt()), by, Jdbc.timestamp(page.updatedAt()))
			.update();
	}

	Optional<Page> bySlug(String slug) {
		return this.jdbc.sql("select * from page where slug = ?").param(slug).query(PageRepository::page).optional();
	}

	Optional<Page> byId(UUID id) {
		return this.jdbc.sql("select * from page where id = ? for update")
			.param(id)
			.query(PageRepository::page)
			.optional();
	}

	Optional<Page> find(UUID id) {
		return this.jdbc.sql("select * from page where id = ?").param(id).query(PageRepository::page).optional();
	}

	/**
	 * Pages in navigation order, then by title; with {@code text}, those whose title or
	 * body contain it (case-insensitive).
	 */
	List<Page> search(String text, int limit, int offset) {
		return this.jdbc
			.sql("select * from page" + where(text) + " order by nav_order nulls last, title limit ? offset ?")
			.params(params(text, limit, offset))
			.query(PageRepository::page)
			.list();
	}

	long count(String text) {
		return this.jdbc.sql("select count(*) from page" + where(text)).params(params(text)).query(Long.class).single();
	}

	private static String where(String text) {
		return (text != null) ? " where title ilike ? or body ilike ?" : "";
	}

	private static List<Object> params(String text, Object... more) {
		List<Object> params = new java.util.ArrayList<>();
		if (text != null) {
			params.add(Jdbc.containing(text));
			params.add(Jdbc.containing(text));
		}
		params.addAll(List.of(more));
		return params;
	}

	boolean slugTaken(String slug, UUID except) {
		return this.jdbc.sql("select count(*) from page where slug = ? and id <> ?")
			.params(slug, except)
			.query(Long.class)
			.single() > 0;
	}

	List<Page> all() {
		return this.jdbc.sql("select * from page order by nav_order nulls last, title")
			.query(PageRepository::page)
			.list();
	}

	int delete(UUID id) {
		return this.jdbc.sql("delete from page where id = ?").param(id).update();
	}

	static Page page(ResultSet rs, int row) throws SQLException {
		return new Page(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
				rs.getString("body"), rs.getString("html"), Jdbc.nullableInt(rs, "nav_order"),
				Jdbc.instant(rs, "updated_at"));
	}

}
