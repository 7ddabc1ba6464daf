package org.biochemsec2030.tracker.item;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.tracker.support.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain JDBC: the band lookup is an array overlap on a GIN index ({@code &&}) that Spring
 * Data JDBC has no query method for.
 */
@Repository
class ItemRepository implements Duplicates.Known {

	/** Key of the advisory lock that serialises ingestion across replicas. */
	private static final long INGEST_LOCK = 0x7472_6163_6b65_7201L;

	private final JdbcClient jdbc;

	ItemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Held until the transaction ends. Unique indexes stop two replicas storing one
	 * address or DOI twice, but nothing in the database can stop two near-identical
	 * titles from two sources being stored side by side; one ingestion at a time can. At
	 * the tracker's volume (feeds polled minutes apart) nobody waits long.
	 */
	void lockIngestion() {
		this.jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", INGEST_LOCK).query((rs, n) -> 1).list();
	}

	@Override
	public Optional<UUID> byUrl(String canonicalUrl) {
		return this.jdbc.sql("select item_id from item_report where url = :url limit 1")
			.param("url", canonicalUrl)
			.query(UUID.class)
			.optional()
			.or(() -> this.jdbc.sql("select id from item where canonical_url = :url")
				.param("url", canonicalUrl)
				.query(UUID.class)
				.optional());
	}

	@Override
	public Optional<UUID> byDoi(String doi) {
		return this.jdbc.sql("select id from item where doi = :doi").param("doi", doi).query(UUID.class).optional();
	}

	/**
	 * The date window is the title rule's own, so nothing it drops could have matched;
	 * with an index on the date the database reads only the items of those weeks. The
	 * ranking by shared band values, not by recency, keeps an older real match ahead of
	 * the many newer items that share only a band of common words.
	 */
	@Override
	public List<Duplicates.Candidate> sharingABand(int[] bands, Instant publishedAt) {
		if (bands.length == 0) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder(
				"select id, title_key, doi, published_at from item where title_bands && :bands::integer[]");
		Map<String, Object> params = new HashMap<>();
		params.put("bands", Jdbc.boxed(bands));
		if (publishedAt != null) {
			sql.append(" and (published_at is null or published_at between :from and :to)");
			params.put("from", Jdbc.timestamp(publishedAt.minus(Duplicates.WINDOW)));
			params.put("to", Jdbc.timestamp(publishedAt.plus(Duplicates.WINDOW)));
		}
		sql.append(" order by (select count(*) from unnest(title_bands) band where band = any(:bands::integer[])) desc,"
				+ " first_seen_at desc limit " + Duplicates.CANDIDATES);
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Duplicates.Candidate(rs.getObject("id", UUID.class),
					TitleSignature.ofKey(rs.getString("title_key")), rs.getString("doi"),
					Jdbc.instant(rs, "published_at")))
			.list();
	}

	void insert(UUID id, String url, String title, TitleSignature signature, String summary, String doi,
			Instant publishedAt, Instant now) {
		this.jdbc.sql("""
				insert into item (id, canonical_url, title, title_key, title_bands, summary, doi, published_at,
				                  first_seen_at)
				values (:id, :url, :title, :key, :bands::integer[], :summary, :doi, :published, :now)""")
			.param("id", id)
			.param("url", url)
			.param("title", title)
			.param("key", signature.key())
			.param("bands", Jdbc.boxed(signature.bands()))
			.param("summary", summary)
			.param("doi", doi)
			.param("published", Jdbc.timestamp(publishedAt))
			.param("now", Jdbc.timestamp(now))
			.update();
	}

	/** Whether this source's report was new. */
	boolean report(UUID itemId, UUID sourceId, String url, String title, String matchedBy, Instant now) {
		return this.jdbc.sql("""
				insert into item_report (item_id, source_id, url, title, matched_by, seen_at)
				values (:item, :source, :url, :title, :matchedBy, :now)
				on conflict do nothing""")
			.param("item", itemId)
			.param("source", sourceId)
			.param("url", url)
			.param("title", title)
			.param("matchedBy", matchedBy)
			.param("now", Jdbc.timestamp(now))
			.update() == 1;
	}

	/** A DOI learnt from a later report, when no other item has it. */
	void adoptDoi(UUID itemId, String doi) {
		this.jdbc.sql("""
				update item set doi = :doi
				where id = :id and doi is null and not exists (select 1 from item other where other.doi = :doi)""")
			.param("id", itemId)
			.param("doi", doi)
			.update();
	}

	Optional<ItemView> find(UUID id) {
		return this.jdbc.sql(SELECT + " where i.id = :id")
			.param("id", id)
			.query(this::item)
			.optional()
			.map(item -> item.withReports(reports(id)));
	}

	List<ItemView> all() {
		return this.jdbc.sql(SELECT + " order by i.first_seen_at, i.id")
			.query(this::item)
			.list()
			.stream()
			.map(item -> item.withReports(reports(item.id())))
			.toList();
	}

	private List<ItemView.Report> reports(UUID itemId) {
		return this.jdbc.sql("""
				select r.source_id, s.name, r.url, r.title, r.matched_by, r.seen_at
				from item_report r join source s on s.id = r.source_id
				where r.item_id = :item order by r.seen_at, s.name, r.url""")
			.param("item", itemId)
			.query((rs, n) -> new ItemView.Report(rs.getObject("source_id", UUID.class), rs.getString("name"),
					rs.getString("url"), rs.getString("title"), rs.getString("matched_by"),
					Jdbc.instant(rs, "seen_at")))
			.list();
	}

	void applyVerdict(UUID id, Verdict verdict) {
		this.jdbc.sql("""
				update item set tags = :tags, topics = :topics, flagged = :flagged, matched_rules = :rules,
				       status = case when :dismissed then 'dismissed' else 'new' end
				where id = :id and triaged_by is null and status in ('new', 'dismissed')""")
			.param("id", id)
			.param("tags", Jdbc.array(verdict.tags()))
			.param("topics", Jdbc.array(verdict.topics()))
			.param("flagged", verdict.flagged())
			.param("rules", Jdbc.array(verdict.rules()))
			.param("dismissed", verdict.dismissed())
			.update();
	}

	/** Items no analyst has decided about yet, with what rules read. */
	List<UUID> untriaged() {
		return this.jdbc
			.sql("select id from item where triaged_by is null and status in ('new', 'dismissed') order by id")
			.query(UUID.class)
			.list();
	}

	ItemText text(UUID id) {
		List<String> sources = this.jdbc.sql("""
				select s.name, s.url from item_report r join source s on s.id = r.source_id
				where r.item_id = :id order by r.seen_at""")
			.param("id", id)
			.query((rs, n) -> List.of(rs.getString("name"), rs.getString("url")))
			.list()
			.stream()
			.flatMap(List::stream)
			.distinct()
			.toList();
		return this.jdbc.sql("select title, summary from item where id = :id")
			.param("id", id)
			.query((rs, n) -> new ItemText(rs.getString("title"), rs.getString("summary"), sources))
			.single();
	}

	/** An analyst's decision: the item leaves the rules' hands. */
	boolean decide(UUID id, String status, String by, Instant now) {
		return this.jdbc.sql("update item set status = :status, triaged_by = :by, triaged_at = :now where id = :id")
			.param("id", id)
			.param("status", status)
			.param("by", by)
			.param("now", Jdbc.timestamp(now))
			.update() == 1;
	}

	String status(UUID id) {
		return this.jdbc.sql("select status from item where id = :id for update")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	List<ItemView> queue(QueueFilter filter) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new HashMap<>();
		if (filter.status() != null) {
			where.append(" and i.status = :status");
			params.put("status", filter.status());
		}
		if (filter.flagged()) {
			where.append(" and i.flagged");
		}
		if (filter.tag() != null) {
			where.append(" and :tag = any(i.tags)");
			params.put("tag", filter.tag());
		}
		if (filter.topic() != null) {
			where.append(" and :topic = any(i.topics)");
			params.put("topic", filter.topic());
		}
		if (filter.source() != null) {
			where.append(" and exists (select 1 from item_report r where r.item_id = i.id and r.source_id = :source)");
			params.put("source", filter.source());
		}
		if (filter.text() != null) {
			where.append(" and (i.title ilike :text or i.summary ilike :text)");
			params.put("text", Jdbc.containing(filter.text()));
		}
		params.put("limit", filter.size());
		params.put("offset", (long) filter.page() * filter.size());
		return this.jdbc
			.sql(SELECT + where + " order by i.flagged desc, i.first_seen_at desc, i.id limit :limit offset :offset")
			.params(params)
			.query(this::item)
			.list()
			.stream()
			.map(item -> item.withReports(reports(item.id())))
			.toList();
	}

	private static final String SELECT = """
			select i.id, i.canonical_url, i.title, i.summary, i.doi, i.published_at, i.first_seen_at, i.status,
			       i.flagged, i.tags, i.topics, i.matched_rules
			from item i""";

	private ItemView item(ResultSet rs, int row) throws SQLException {
		return new ItemView(rs.getObject("id", UUID.class), rs.getString("canonical_url"), rs.getString("title"),
				rs.getString("summary"), rs.getString("doi"), Jdbc.instant(rs, "published_at"),
				Jdbc.instant(rs, "first_seen_at"), rs.getString("status"), rs.getBoolean("flagged"),
				Jdbc.list(rs, "tags"), Jdbc.list(rs, "topics"), Jdbc.list(rs, "matched_rules"), List.of());
	}

}
