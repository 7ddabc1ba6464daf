package org.biochemsec2030.content.post;

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
import static org.biochemsec2030.content.support.Jdbc.nullableInt;
import static org.biochemsec2030.content.support.Jdbc.timestamp;

@Repository
class PostRepository {

	private static final String LIVE_COLUMNS = "select p.*, r.post_id, r.number, r.title, r.summary, r.body, r.html,"
			+ " r.authors, r.topics, r.regimes, r.tags, r.cover_image, r.cover_alt, r.material_change,"
			+ " r.correction_note, r.restored_from, r.created_at as r_created_at, r.created_by as r_created_by,"
			+ " r.created_by_name";

	/** The newest revision of each post, as {@code r}. */
	private static final String HEAD = " join post_revision r on r.post_id = p.id and r.number = p.head_revision ";

	private final JdbcClient jdbc;

	PostRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Post post) {
		this.jdbc.sql("""
				insert into post (id, slug, status, head_revision, live_revision, staged_in_review, scheduled_at,
				    published_at, first_published_at, updated_at, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(post.id(), post.slug(), post.status().name(), post.headRevision(), post.liveRevision(),
					post.stagedInReview(), timestamp(post.scheduledAt()), timestamp(post.publishedAt()),
					timestamp(post.firstPublishedAt()), timestamp(post.updatedAt()), timestamp(post.createdAt()),
					post.createdBy())
			.update();
	}

	void update(Post post) {
		this.jdbc.sql("""
				update post set slug = ?, status = ?, head_revision = ?, live_revision = ?, staged_in_review = ?,
				    scheduled_at = ?, published_at = ?, first_published_at = ?, updated_at = ?
				where id = ?""")
			.params(post.slug(), post.status().name(), post.headRevision(), post.liveRevision(), post.stagedInReview(),
					timestamp(post.scheduledAt()), timestamp(post.publishedAt()), timestamp(post.firstPublishedAt()),
					timestamp(post.updatedAt()), post.id())
			.update();
	}

	/** The post, locked for this transaction: its changes (and events) are serialized. */
	Optional<Post> lock(UUID id) {
		return this.jdbc.sql("select * from post where id = ? for update")
			.param(id)
			.query(PostRepository::post)
			.optional();
	}

	Optional<Post> find(UUID id) {
		return this.jdbc.sql("select * from post where id = ?").param(id).query(PostRepository::post).optional();
	}

	Optional<Post> findPublishedBySlug(String slug) {
		return this.jdbc.sql("select * from post where slug = ? and status = 'PUBLISHED'")
			.param(slug)
			.query(PostRepository::post)
			.optional();
	}

	boolean slugTaken(String slug, UUID except) {
		return this.jdbc.sql("select count(*) from post where slug = ? and id <> ?")
			.params(slug, except)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Claims due scheduled posts; other replicas skip the rows this transaction holds.
	 */
	List<UUID> claimDue(Instant now, int limit) {
		return this.jdbc.sql("""
				select id from post where status = 'SCHEDULED' and scheduled_at <= ?
				order by scheduled_at limit ? for update skip locked""")
			.params(timestamp(now), limit)
			.query(UUID.class)
			.list();
	}

	record Filter(String topic, String regime, String tag) {

	}

	/** Published posts, newest first, with their live revisions. */
	List<Live> published(Filter filter, Paging paging) {
		Where where = publishedWhere(filter);
		List<Object> params = new ArrayList<>(where.params);
		params.add(paging.size());
		params.add(paging.offset());
		return this.jdbc
			.sql(LIVE_COLUMNS + " from post p join post_revision r on r.post_id = p.id and r.number = p.live_revision "
					+ where.sql + " order by p.published_at desc, p.id limit ? offset ?")
			.params(params)
			.query((rs, n) -> new Live(post(rs, n), revision(rs, "r_")))
			.list();
	}

	long countPublished(Filter filter) {
		Where where = publishedWhere(filter);
		return this.jdbc
			.sql("select count(*) from post p join post_revision r on r.post_id = p.id and r.number = p.live_revision "
					+ where.sql)
			.params(where.params)
			.query(Long.class)
			.single();
	}

	private record Where(String sql, List<Object> params) {

	}

	private static Where publishedWhere(Filter filter) {
		StringBuilder sql = new StringBuilder("where p.status = 'PUBLISHED'");
		List<Object> params = new ArrayList<>();
		if (filter.topic() != null) {
			sql.append(" and ? = any(r.topics)");
			params.add(filter.topic());
		}
		if (filter.regime() != null) {
			sql.append(" and ? = any(r.regimes)");
			params.add(filter.regime());
		}
		if (filter.tag() != null) {
			sql.append(" and ? = any(r.tags)");
			params.add(filter.tag());
		}
		return new Where(sql.toString(), params);
	}

	/**
	 * Posts in any state, newest change first, optionally in one status and containing
	 * {@code text} (case-insensitive) in the newest revision's title, summary or body.
	 */
	List<Post> byStatus(Status status, String text, Paging paging) {
		Where where = editorialWhere(status, text);
		List<Object> params = new ArrayList<>(where.params);
		params.add(paging.size());
		params.add(paging.offset());
		return this.jdbc
			.sql("select p.* from post p" + HEAD + where.sql + " order by p.updated_at desc, p.id limit ? offset ?")
			.params(params)
			.query(PostRepository::post)
			.list();
	}

	long countByStatus(Status status, String text) {
		Where where = editorialWhere(status, text);
		return this.jdbc.sql("select count(*) from post p" + HEAD + where.sql)
			.params(where.params)
			.query(Long.class)
			.single();
	}

	/**
	 * What waits for a reviewer, longest waiting first: posts in review and the staged
	 * revisions of published posts that were submitted.
	 */
	List<Post> inReview(int limit) {
		return this.jdbc.sql("""
				select * from post where status = 'IN_REVIEW' or (status = 'PUBLISHED' and staged_in_review)
				order by updated_at, id limit ?""").param(limit).query(PostRepository::post).list();
	}

	private static Where editorialWhere(Status status, String text) {
		StringBuilder sql = new StringBuilder("where true");
		List<Object> params = new ArrayList<>();
		if (status != null) {
			sql.append(" and p.status = ?");
			params.add(status.name());
		}
		if (text != null) {
			sql.append(" and (r.title ilike ? or r.summary ilike ? or r.body ilike ?)");
			String pattern = containing(text);
			params.addAll(List.of(pattern, pattern, pattern));
		}
		return new Where(sql.toString(), params);
	}

	record Live(Post post, PostRevision revision) {

	}

	void insertRevision(PostRevision revision) {
		this.jdbc.sql("""
				insert into post_revision (post_id, number, title, summary, body, html, authors, topics, regimes, tags,
				    cover_image, cover_alt, material_change, correction_note, restored_from, created_at, created_by,
				    created_by_name)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(revision.postId(), revision.number(), revision.title(), revision.summary(), revision.body(),
					revision.html(), array(revision.authors()), array(revision.topics()), array(revision.regimes()),
					array(revision.tags()), revision.coverImage(), revision.coverAlt(), revision.materialChange(),
					revision.correctionNote(), revision.restoredFrom(), timestamp(revision.createdAt()),
					revision.createdBy(), revision.createdByName())
			.update();
	}

	Optional<PostRevision> revision(UUID postId, int number) {
		return this.jdbc.sql("select * from post_revision where post_id = ? and number = ?")
			.params(postId, number)
			.query(PostRepository::revision)
			.optional();
	}

	List<PostRevision> revisions(UUID postId) {
		return this.jdbc.sql("select * from post_revision where post_id = ? order by number desc")
			.param(postId)
			.query(PostRepository::revision)
			.list();
	}

	void insertCorrection(UUID postId, int revision, String note, Instant at) {
		this.jdbc
			.sql("insert into post_correction (post_id, revision, note, corrected_at) values (?, ?, ?, ?)"
					+ " on conflict do nothing")
			.params(postId, revision, note, timestamp(at))
			.update();
	}

	List<PostView.Correction> corrections(UUID postId) {
		return this.jdbc.sql("select note, corrected_at from post_correction where post_id = ? order by corrected_at")
			.param(postId)
			.query((rs, n) -> new PostView.Correction(rs.getString("note"), instant(rs, "corrected_at")))
			.list();
	}

	static Post post(ResultSet rs, int row) throws SQLException {
		return new Post(rs.getObject("id", UUID.class), rs.getString("slug"), Status.valueOf(rs.getString("status")),
				rs.getInt("head_revision"), nullableInt(rs, "live_revision"), rs.getBoolean("staged_in_review"),
				instant(rs, "scheduled_at"), instant(rs, "published_at"), instant(rs, "first_published_at"),
				instant(rs, "updated_at"), instant(rs, "created_at"), rs.getString("created_by"));
	}

	static PostRevision revision(ResultSet rs, int row) throws SQLException {
		return revision(rs, "");
	}

	/**
	 * Columns of a joined query name the revision's own created_at and created_by with a
	 * prefix.
	 */
	static PostRevision revision(ResultSet rs, String prefix) throws SQLException {
		return new PostRevision(rs.getObject("post_id", UUID.class), rs.getInt("number"), rs.getString("title"),
				rs.getString("summary"), rs.getString("body"), rs.getString("html"), list(rs, "authors"),
				list(rs, "topics"), list(rs, "regimes"), list(rs, "tags"), rs.getString("cover_image"),
				rs.getString("cover_alt"), rs.getBoolean("material_change"), rs.getString("correction_note"),
				nullableInt(rs, "restored_from"), instant(rs, prefix + "created_at"),
				rs.getString(prefix + "created_by"), rs.getString("created_by_name"));
	}

}
