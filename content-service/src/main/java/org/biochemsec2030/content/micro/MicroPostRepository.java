package org.biochemsec2030.content.micro;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.content.support.Paging;
import org.biochemsec2030.content.support.Status;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.biochemsec2030.content.support.Jdbc.array;
import static org.biochemsec2030.content.support.Jdbc.containing;
import static org.biochemsec2030.content.support.Jdbc.instant;
import static org.biochemsec2030.content.support.Jdbc.list;
import static org.biochemsec2030.content.support.Jdbc.timestamp;

@Repository
class MicroPostRepository {

	private final JdbcClient jdbc;

	MicroPostRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the mini-post; false if it announces an item that already has one. */
	boolean insert(MicroPost post) {
		return this.jdbc.sql("""
				insert into micro_post (id, text, html, topics, tags, reply_to, status, scheduled_at, published_at,
				    announces, updated_at, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (announces) do nothing""")
			.params(post.id(), post.text(), post.html(), array(post.topics()), array(post.tags()), post.replyTo(),
					post.status().name(), timestamp(post.scheduledAt()), timestamp(post.publishedAt()),
					post.announces(), timestamp(post.updatedAt()), timestamp(post.createdAt()), post.createdBy())
			.update() == 1;
	}

	void update(MicroPost post) {
		this.jdbc.sql("""
				update micro_post set text = ?, html = ?, topics = ?, tags = ?, reply_to = ?, status = ?,
				    scheduled_at = ?, published_at = ?, updated_at = ?
				where id = ?""")
			.params(post.text(), post.html(), array(post.topics()), array(post.tags()), post.replyTo(),
					post.status().name(), timestamp(post.scheduledAt()), timestamp(post.publishedAt()),
					timestamp(post.updatedAt()), post.id())
			.update();
	}

	Optional<MicroPost> lock(UUID id) {
		return this.jdbc.sql("select * from micro_post where id = ? for update")
			.param(id)
			.query(MicroPostRepository::micro)
			.optional();
	}

	Optional<MicroPost> find(UUID id) {
		return this.jdbc.sql("select * from micro_post where id = ?")
			.param(id)
			.query(MicroPostRepository::micro)
			.optional();
	}

	List<UUID> claimDue(Instant now, int limit) {
		return this.jdbc.sql("""
				select id from micro_post where status = 'SCHEDULED' and scheduled_at <= ?
				order by scheduled_at limit ? for update skip locked""")
			.params(timestamp(now), limit)
			.query(UUID.class)
			.list();
	}

	List<MicroPost> published(String tag, Paging paging) {
		String where = "where status = 'PUBLISHED'" + ((tag != null) ? " and ? = any(tags)" : "");
		var spec = this.jdbc
			.sql("select * from micro_post " + where + " order by published_at desc, id limit ? offset ?");
		if (tag != null) {
			spec = spec.param(tag);
		}
		return spec.param(paging.size()).param(paging.offset()).query(MicroPostRepository::micro).list();
	}

	long countPublished(String tag) {
		String where = "where status = 'PUBLISHED'" + ((tag != null) ? " and ? = any(tags)" : "");
		var spec = this.jdbc.sql("select count(*) from micro_post " + where);
		if (tag != null) {
			spec = spec.param(tag);
		}
		return spec.query(Long.class).single();
	}

	List<MicroPost> publishedReplies(UUID id) {
		return this.jdbc
			.sql("select * from micro_post where reply_to = ? and status = 'PUBLISHED' order by published_at")
			.param(id)
			.query(MicroPostRepository::micro)
			.list();
	}

	/**
	 * Mini-posts in any state, newest change first, optionally in one status and
	 * containing {@code text} (case-insensitive).
	 */
	List<MicroPost> byStatus(Status status, String text, Paging paging) {
		List<Object> params = new ArrayList<>();
		String where = editorialWhere(status, text, params);
		params.add(paging.size());
		params.add(paging.offset());
		return this.jdbc.sql("select * from micro_post " + where + " order by updated_at desc, id limit ? offset ?")
			.params(params)
			.query(MicroPostRepository::micro)
			.list();
	}

	long countByStatus(Status status, String text) {
		List<Object> params = new ArrayList<>();
		String where = editorialWhere(status, text, params);
		return this.jdbc.sql("select count(*) from micro_post " + where).params(params).query(Long.class).single();
	}

	/** Mini-posts in review, longest waiting first. */
	List<MicroPost> inReview(int limit) {
		return this.jdbc.sql("select * from micro_post where status = 'IN_REVIEW' order by updated_at, id limit ?")
			.param(limit)
			.query(MicroPostRepository::micro)
			.list();
	}

	private static String editorialWhere(Status status, String text, List<Object> params) {
		StringBuilder sql = new StringBuilder("where true");
		if (status != null) {
			sql.append(" and status = ?");
			params.add(status.name());
		}
		if (text != null) {
			sql.append(" and text ilike ?");
			params.add(containing(text));
		}
		return sql.toString();
	}

	Optional<MicroPost> findByAnnounces(String announces) {
		return this.jdbc.sql("select * from micro_post where announces = ?")
			.param(announces)
			.query(MicroPostRepository::micro)
			.optional();
	}

	static MicroPost micro(ResultSet rs, int row) throws SQLException {
		return new MicroPost(rs.getObject("id", UUID.class), rs.getString("text"), rs.getString("html"),
				list(rs, "topics"), list(rs, "tags"), rs.getObject("reply_to", UUID.class),
				Status.valueOf(rs.getString("status")), instant(rs, "scheduled_at"), instant(rs, "published_at"),
				rs.getString("announces"), instant(rs, "updated_at"), instant(rs, "created_at"),
				rs.getString("created_by"));
	}

}
