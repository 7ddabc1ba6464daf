package org.biochemsec2030.publishing.paper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.publishing.support.Jdbc;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Papers, their versions, review rounds and decisions. Hand-written SQL: row locks for
 * the workflow ({@code FOR UPDATE}), the scheduler's {@code SKIP LOCKED}, the series
 * counter and jsonb/array columns are clearer here than through a mapping layer.
 */
@Repository
class PaperRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<Author>> AUTHORS = new TypeReference<>() {
	};

	private static final TypeReference<List<Map<String, Object>>> ITEMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	PaperRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// --- papers ---

	void insert(Paper p) {
		this.jdbc.sql("""
				insert into paper (id, slug, state, working_version, published_version, series_number, scheduled_at,
				    first_published_at, withdrawn_at, withdrawal_notice, created_at, updated_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(p.id(), p.slug(), p.state().name(), p.workingVersion(), p.publishedVersion(), p.seriesNumber(),
					Jdbc.timestamp(p.scheduledAt()), Jdbc.timestamp(p.firstPublishedAt()),
					Jdbc.timestamp(p.withdrawnAt()), p.withdrawalNotice(), Jdbc.timestamp(p.createdAt()),
					Jdbc.timestamp(p.updatedAt()), p.createdBy())
			.update();
	}

	void update(Paper p) {
		this.jdbc.sql("""
				update paper set slug = ?, state = ?, working_version = ?, published_version = ?, series_number = ?,
				    scheduled_at = ?, first_published_at = ?, withdrawn_at = ?, withdrawal_notice = ?, updated_at = ?
				where id = ?""")
			.params(p.slug(), p.state().name(), p.workingVersion(), p.publishedVersion(), p.seriesNumber(),
					Jdbc.timestamp(p.scheduledAt()), Jdbc.timestamp(p.firstPublishedAt()),
					Jdbc.timestamp(p.withdrawnAt()), p.withdrawalNotice(), Jdbc.timestamp(p.updatedAt()), p.id())
			.update();
	}

	Optional<Paper> find(UUID id) {
		return this.jdbc.sql("select * from paper where id = ?").param(id).query(PaperRepository::paper).optional();
	}

	/**
	 * The row, locked until the transaction ends: workflow steps on one paper queue up.
	 */
	Optional<Paper> lock(UUID id) {
		return this.jdbc.sql("select * from paper where id = ? for update")
			.param(id)
			.query(PaperRepository::paper)
			.optional();
	}

	Optional<Paper> findPublic(String slug) {
		return this.jdbc.sql("select * from paper where slug = ? and published_version is not null")
			.param(slug)
			.query(PaperRepository::paper)
			.optional();
	}

	boolean slugTaken(String slug, UUID except) {
		return this.jdbc.sql("select count(*) from paper where slug = ? and id <> ?")
			.params(slug, except)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Papers readers can see, newest first publication first (withdrawn ones included).
	 */
	List<Paper> published(int offset, int limit) {
		return this.jdbc.sql("""
				select * from paper where published_version is not null
				order by first_published_at desc, id limit ? offset ?""")
			.params(limit, offset)
			.query(PaperRepository::paper)
			.list();
	}

	/** Public papers written for a treaty meeting, in series order. */
	List<Paper> forMeeting(String meeting) {
		return this.jdbc.sql("""
				select p.* from paper p join paper_version v on v.paper_id = p.id and v.number = p.published_version
				where v.meeting_slug = ? order by p.series_number, p.id""")
			.param(meeting)
			.query(PaperRepository::paper)
			.list();
	}

	Map<PaperState, Integer> countByState() {
		Map<PaperState, Integer> counts = new java.util.EnumMap<>(PaperState.class);
		for (PaperState state : PaperState.values()) {
			counts.put(state, 0);
		}
		this.jdbc.sql("select state, count(*) as n from paper group by state")
			.query((rs, n) -> Map.entry(PaperState.valueOf(rs.getString("state")), rs.getInt("n")))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	int countPublished() {
		return this.jdbc.sql("select count(*) from paper where published_version is not null")
			.query(Integer.class)
			.single();
	}

	List<Paper> byState(PaperState state, int offset, int limit) {
		return this.jdbc.sql("""
				select * from paper where (cast(? as text) is null or state = ?)
				order by updated_at desc, id limit ? offset ?""")
			.params((state != null) ? state.name() : null, (state != null) ? state.name() : null, limit, offset)
			.query(PaperRepository::paper)
			.list();
	}

	/**
	 * Scheduled papers that are due, claimed so that two replicas never take the same.
	 */
	List<UUID> claimDue(Instant now, int limit) {
		return this.jdbc.sql("""
				select id from paper where state = 'SCHEDULED' and scheduled_at <= ?
				order by scheduled_at limit ? for update skip locked""")
			.params(Jdbc.timestamp(now), limit)
			.query(UUID.class)
			.list();
	}

	/**
	 * The next series number, taken under the counter row's lock: concurrent publications
	 * wait for each other, and a rolled-back one gives its number back (no gaps).
	 */
	int nextSeriesNumber() {
		return this.jdbc.sql("update series_counter set last = last + 1 where id = 1 returning last")
			.query(Integer.class)
			.single();
	}

	/**
	 * Public papers for harvesting (OAI-PMH), in datestamp order: a paper's datestamp is
	 * when its latest version was published or, later, when it was withdrawn. {@code set}
	 * is {@code regime:X}, {@code topic:x} or {@code meeting:x} (or null).
	 */
	List<Harvested> harvest(Instant from, Instant until, String setKind, String setValue, int offset, int limit) {
		return this.jdbc.sql(HARVEST + " order by datestamp, p.id limit ? offset ?")
			.params(harvestParams(from, until, setKind, setValue, limit, offset))
			.query((rs, n) -> new Harvested(paper(rs, n), Jdbc.instant(rs, "datestamp")))
			.list();
	}

	int countHarvest(Instant from, Instant until, String setKind, String setValue) {
		return this.jdbc.sql("select count(*) from (" + HARVEST + ") h")
			.params(harvestParams(from, until, setKind, setValue))
			.query(Integer.class)
			.single();
	}

	/** The distinct set values public papers carry (OAI-PMH ListSets). */
	List<String> harvestSets() {
		return this.jdbc.sql("""
				select distinct 'regime:' || r from paper p join paper_version v
				    on v.paper_id = p.id and v.number = p.published_version, unnest(v.regimes) r
				union select distinct 'topic:' || t from paper p join paper_version v
				    on v.paper_id = p.id and v.number = p.published_version, unnest(v.topics) t
				union select distinct 'meeting:' || v.meeting_slug from paper p join paper_version v
				    on v.paper_id = p.id and v.number = p.published_version where v.meeting_slug is not null
				order by 1""").query(String.class).list();
	}

	Optional<Instant> earliestDatestamp() {
		return this.jdbc
			.sql("select published_at from paper_version where published_at is not null order by published_at limit 1")
			.query((rs, n) -> Jdbc.instant(rs, "published_at"))
			.optional();
	}

	record Harvested(Paper paper, Instant datestamp) {

	}

	private static final String HARVEST = """
			select p.*, greatest(v.published_at, coalesce(p.withdrawn_at, v.published_at)) as datestamp
			from paper p join paper_version v on v.paper_id = p.id and v.number = p.published_version
			where (cast(? as timestamptz) is null or greatest(v.published_at, coalesce(p.withdrawn_at, v.published_at)) >= ?)
			  and (cast(? as timestamptz) is null or greatest(v.published_at, coalesce(p.withdrawn_at, v.published_at)) <= ?)
			  and (cast(? as text) is null
			       or (cast(? as text) = 'regime' and cast(? as text) = any(v.regimes))
			       or (cast(? as text) = 'topic' and cast(? as text) = any(v.topics))
			       or (cast(? as text) = 'meeting' and v.meeting_slug = cast(? as text)))""";

	private static Object[] harvestParams(Instant from, Instant until, String kind, String value, Object... more) {
		Object[] base = { Jdbc.timestamp(from), Jdbc.timestamp(from), Jdbc.timestamp(until), Jdbc.timestamp(until),
				kind, kind, value, kind, value, kind, value };
		Object[] all = java.util.Arrays.copyOf(base, base.length + more.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

	// --- versions ---

	void insertVersion(PaperVersion v) {
		this.jdbc
			.sql("""
					insert into paper_version (paper_id, number, title, abstract, body, html, authors, topics, regimes,
					    developments, licence, meeting_slug, agenda_item, un_documents, distribution_deadline,
					    "references", change_what, change_why, change_developments, published_at, created_at, updated_at)
					values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?)""")
			.params(versionParams(v))
			.update();
	}

	/** Changes a version that is not published (the database refuses the others). */
	void updateVersion(PaperVersion v) {
		this.jdbc.sql("""
				update paper_version set title = ?, abstract = ?, body = ?, html = ?, authors = cast(? as jsonb),
				    topics = ?, regimes = ?, developments = ?, licence = ?, meeting_slug = ?, agenda_item = ?,
				    un_documents = ?, distribution_deadline = ?, "references" = cast(? as jsonb), change_what = ?,
				    change_why = ?, change_developments = ?, published_at = ?, updated_at = ?
				where paper_id = ? and number = ?""")
			.params(v.title(), v.abstractText(), v.body(), v.html(), JSON.writeValueAsString(v.authors()),
					Jdbc.array(v.topics()), Jdbc.array(v.regimes()), Jdbc.array(v.developments()), v.licence(),
					v.meeting(), v.agendaItem(), Jdbc.array(v.unDocuments()), v.distributionDeadline(),
					JSON.writeValueAsString(v.references()), Jdbc.array(changeWhat(v)), changeWhy(v),
					Jdbc.array(changeDevelopments(v)), Jdbc.timestamp(v.publishedAt()), Jdbc.timestamp(v.updatedAt()),
					v.paperId(), v.number())
			.update();
	}

	Optional<PaperVersion> version(UUID paperId, int number) {
		return this.jdbc.sql("select * from paper_version where paper_id = ? and number = ?")
			.params(paperId, number)
			.query(PaperRepository::version)
			.optional();
	}

	List<PaperVersion> publishedVersions(UUID paperId) {
		return this.jdbc
			.sql("select * from paper_version where paper_id = ? and published_at is not null order by number")
			.param(paperId)
			.query(PaperRepository::version)
			.list();
	}

	// --- review ---

	void openRound(UUID paperId, int number, int version, Instant at) {
		this.jdbc.sql("insert into review_round (paper_id, number, version, opened_at) values (?, ?, ?, ?)")
			.params(paperId, number, version, Jdbc.timestamp(at))
			.update();
	}

	void closeRound(UUID paperId, int number, String outcome, Instant at) {
		this.jdbc.sql("update review_round set closed_at = ?, outcome = ? where paper_id = ? and number = ?")
			.params(Jdbc.timestamp(at), outcome, paperId, number)
			.update();
	}

	List<Review.Round> rounds(UUID paperId) {
		return this.jdbc.sql("select * from review_round where paper_id = ? order by number")
			.param(paperId)
			.query((rs, n) -> new Review.Round(rs.getInt("number"), rs.getInt("version"), Jdbc.instant(rs, "opened_at"),
					Jdbc.instant(rs, "closed_at"), rs.getString("outcome"), List.of()))
			.list();
	}

	void insertAssignment(Review.Assignment a, UUID paperId) {
		this.jdbc.sql("""
				insert into review_assignment (id, paper_id, round, reviewer_id, reviewer_name, reviewer_email,
				    affiliation, due_on, conflict, assigned_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(a.id(), paperId, a.round(), a.reviewerId(), a.name(), a.email(), a.affiliation(), a.dueOn(),
					a.conflict(), Jdbc.timestamp(a.assignedAt()))
			.update();
	}

	/**
	 * The reviewer assignments of every open round, soonest due first, with the title of
	 * the version under review.
	 */
	List<Review.Open> openAssignments() {
		return this.jdbc.sql("""
				select a.*, p.slug, v.title from review_assignment a
				join review_round r on r.paper_id = a.paper_id and r.number = a.round and r.closed_at is null
				join paper p on p.id = a.paper_id
				join paper_version v on v.paper_id = a.paper_id and v.number = r.version
				order by a.due_on, a.assigned_at, a.id""")
			.query((rs, n) -> new Review.Open(rs.getObject("paper_id", UUID.class), rs.getString("slug"),
					rs.getString("title"), assignment(rs, n)))
			.list();
	}

	Optional<Review.Assignment> assignment(UUID paperId, UUID id) {
		return this.jdbc.sql("select * from review_assignment where paper_id = ? and id = ?")
			.params(paperId, id)
			.query(PaperRepository::assignment)
			.optional();
	}

	void recordReview(UUID id, String recommendation, String comments, Instant at) {
		this.jdbc.sql("update review_assignment set recommendation = ?, comments = ?, reviewed_at = ? where id = ?")
			.params(recommendation, comments, Jdbc.timestamp(at), id)
			.update();
	}

	List<Review.Assignment> assignments(UUID paperId) {
		return this.jdbc.sql("select * from review_assignment where paper_id = ? order by round, assigned_at, id")
			.param(paperId)
			.query(PaperRepository::assignment)
			.list();
	}

	void insertDualUse(UUID paperId, Review.DualUse d) {
		this.jdbc.sql("""
				insert into dual_use_review (paper_id, version, decision, rationale, decided_at, decided_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(paperId, d.version(), d.decision(), d.rationale(), Jdbc.timestamp(d.decidedAt()), d.decidedBy())
			.update();
	}

	List<Review.DualUse> dualUse(UUID paperId) {
		return this.jdbc.sql("select * from dual_use_review where paper_id = ? order by id")
			.param(paperId)
			.query((rs, n) -> new Review.DualUse(rs.getInt("version"), rs.getString("decision"),
					rs.getString("rationale"), Jdbc.instant(rs, "decided_at"), rs.getString("decided_by")))
			.list();
	}

	void insertStep(UUID paperId, Review.HistoryEntry e) {
		this.jdbc.sql("""
				insert into paper_step (paper_id, step, from_state, to_state, version, note, at, by_name)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(paperId, e.step(), e.from(), e.to(), e.version(), e.note(), Jdbc.timestamp(e.at()), e.by())
			.update();
	}

	List<Review.HistoryEntry> history(UUID paperId) {
		return this.jdbc.sql("select * from paper_step where paper_id = ? order by id")
			.param(paperId)
			.query((rs, n) -> new Review.HistoryEntry(rs.getString("step"), rs.getString("from_state"),
					rs.getString("to_state"), rs.getInt("version"), rs.getString("note"), Jdbc.instant(rs, "at"),
					rs.getString("by_name")))
			.list();
	}

	// --- mapping ---

	private static Object[] versionParams(PaperVersion v) {
		return new Object[] { v.paperId(), v.number(), v.title(), v.abstractText(), v.body(), v.html(),
				JSON.writeValueAsString(v.authors()), Jdbc.array(v.topics()), Jdbc.array(v.regimes()),
				Jdbc.array(v.developments()), v.licence(), v.meeting(), v.agendaItem(), Jdbc.array(v.unDocuments()),
				v.distributionDeadline(), JSON.writeValueAsString(v.references()), Jdbc.array(changeWhat(v)),
				changeWhy(v), Jdbc.array(changeDevelopments(v)), Jdbc.timestamp(v.publishedAt()),
				Jdbc.timestamp(v.createdAt()), Jdbc.timestamp(v.updatedAt()) };
	}

	private static List<String> changeWhat(PaperVersion v) {
		return (v.changeNote() != null) ? v.changeNote().what() : List.of();
	}

	private static String changeWhy(PaperVersion v) {
		return (v.changeNote() != null) ? v.changeNote().why() : null;
	}

	private static List<String> changeDevelopments(PaperVersion v) {
		return (v.changeNote() != null) ? v.changeNote().developments() : List.of();
	}

	private static Paper paper(ResultSet rs, int row) throws SQLException {
		return new Paper(rs.getObject("id", UUID.class), rs.getString("slug"),
				PaperState.valueOf(rs.getString("state")), rs.getInt("working_version"),
				Jdbc.nullableInt(rs, "published_version"), Jdbc.nullableInt(rs, "series_number"),
				Jdbc.instant(rs, "scheduled_at"), Jdbc.instant(rs, "first_published_at"),
				Jdbc.instant(rs, "withdrawn_at"), rs.getString("withdrawal_notice"), Jdbc.instant(rs, "created_at"),
				Jdbc.instant(rs, "updated_at"), rs.getString("created_by"));
	}

	private static PaperVersion version(ResultSet rs, int row) throws SQLException {
		String why = rs.getString("change_why");
		ChangeNote note = (why != null)
				? new ChangeNote(Jdbc.list(rs, "change_what"), why, Jdbc.list(rs, "change_developments")) : null;
		LocalDate deadline = Jdbc.date(rs, "distribution_deadline");
		return new PaperVersion(rs.getObject("paper_id", UUID.class), rs.getInt("number"), rs.getString("title"),
				rs.getString("abstract"), rs.getString("body"), rs.getString("html"),
				JSON.readValue(rs.getString("authors"), AUTHORS), Jdbc.list(rs, "topics"), Jdbc.list(rs, "regimes"),
				Jdbc.list(rs, "developments"), rs.getString("licence"), rs.getString("meeting_slug"),
				rs.getString("agenda_item"), Jdbc.list(rs, "un_documents"), deadline,
				JSON.readValue(rs.getString("references"), ITEMS), note, Jdbc.instant(rs, "published_at"),
				Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
	}

	private static Review.Assignment assignment(ResultSet rs, int row) throws SQLException {
		return new Review.Assignment(rs.getObject("id", UUID.class), rs.getInt("round"), rs.getString("reviewer_id"),
				rs.getString("reviewer_name"), rs.getString("reviewer_email"), rs.getString("affiliation"),
				Jdbc.date(rs, "due_on"), rs.getString("conflict"), rs.getString("recommendation"),
				rs.getString("comments"), Jdbc.instant(rs, "reviewed_at"), Jdbc.instant(rs, "assigned_at"));
	}

}
