package org.biochemsec2030.network.application;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Applications, their consents and members in PostgreSQL. Plain SQL: the queries lock
 * rows ({@code for update}) and take advisory locks, which read best as written.
 */
@Repository
class ApplicationRepository {

	private final JdbcClient jdbc;

	ApplicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Serialises everything that happens to one address until the transaction ends. */
	void lockAddress(String email) {
		this.jdbc.sql("select count(*) from (select pg_advisory_xact_lock(hashtext('application:' || ?))) as locked")
			.param(email)
			.query(Long.class)
			.single();
	}

	/** Records a submission key; false if it was seen before. */
	boolean firstSubmission(String key, Instant now) {
		return this.jdbc.sql(
				"insert into application_submission (submission_key, received_at) values (?, ?) on conflict do nothing")
			.params(key, Timestamp.from(now))
			.update() == 1;
	}

	boolean isActiveMember(String email) {
		return this.jdbc.sql("select count(*) from member where email = ? and status = 'active'")
			.param(email)
			.query(Long.class)
			.single() > 0;
	}

	record Open(UUID id, ApplicationStatus status) {

	}

	Optional<Open> openFor(String email) {
		return this.jdbc.sql(
				"select id, status from application where email = ? and status in ('unverified', 'pending') for update")
			.param(email)
			.query((rs, n) -> new Open(rs.getObject("id", UUID.class),
					ApplicationStatus.byCode(rs.getString("status")).orElseThrow()))
			.optional();
	}

	void insert(UUID id, ApplicationRules.Checked a, String verificationHash, Instant now, Instant expiresAt) {
		this.jdbc.sql("""
				insert into application (id, email, given_name, family_name, affiliation, discipline, career_stage,
				    country, interests, orcid, statement, code_of_conduct_version, status, verification_hash,
				    submitted_at, expires_at)
				values (:id, :email, :givenName, :familyName, :affiliation, :discipline, :careerStage, :country,
				    :interests, :orcid, :statement, :codeOfConduct, 'unverified', :hash, :now, :expiresAt)
				""")
			.param("id", id)
			.param("email", a.email())
			.param("givenName", a.givenName())
			.param("familyName", a.familyName())
			.param("affiliation", a.affiliation())
			.param("discipline", a.discipline())
			.param("careerStage", a.careerStage().code())
			.param("country", a.country())
			.param("interests", a.interests().toArray(String[]::new))
			.param("orcid", a.orcid())
			.param("statement", a.statement())
			.param("codeOfConduct", a.codeOfConductVersion())
			.param("hash", verificationHash)
			.param("now", Timestamp.from(now))
			.param("expiresAt", Timestamp.from(expiresAt))
			.update();
	}

	void addConsent(UUID subject, Consents.Purpose purpose, Instant at, String how) {
		this.jdbc
			.sql("insert into consent (subject_id, purpose, text_version, given_at, given_how) values (?, ?, ?, ?, ?)")
			.params(subject, purpose.code(), purpose.version(), Timestamp.from(at), how)
			.update();
	}

	void renewVerification(UUID id, String hash, Instant expiresAt) {
		this.jdbc.sql("update application set verification_hash = ?, expires_at = ? where id = ?")
			.params(hash, Timestamp.from(expiresAt), id)
			.update();
	}

	record Verification(UUID id, ApplicationStatus status, Instant expiresAt, String email) {

	}

	Optional<Verification> byVerificationHash(String hash) {
		return this.jdbc
			.sql("select id, status, expires_at, email from application where verification_hash = ? for update")
			.param(hash)
			.query((rs, n) -> new Verification(rs.getObject("id", UUID.class),
					ApplicationStatus.byCode(rs.getString("status")).orElseThrow(),
					rs.getTimestamp("expires_at").toInstant(), rs.getString("email")))
			.optional();
	}

	void markVerified(UUID id, Instant at) {
		this.jdbc.sql("update application set status = 'pending', verified_at = ? where id = ?")
			.params(Timestamp.from(at), id)
			.update();
	}

	/** Deletes unconfirmed applications past their time, consents with them. */
	List<String> deleteExpired(Instant now) {
		return this.jdbc.sql("delete from application where status = 'unverified' and expires_at < ? returning email")
			.param(Timestamp.from(now))
			.query(String.class)
			.list();
	}

	void delete(UUID id) {
		this.jdbc.sql("delete from application where id = ?").param(id).update();
	}

	Optional<ApplicationView> find(UUID id, boolean lock) {
		return this.jdbc.sql(SELECT + " where a.id = ?" + (lock ? " for update of a" : ""))
			.param(id)
			.query((rs, n) -> view(rs))
			.optional()
			.map(this::withConsents);
	}

	List<ApplicationView> list(ApplicationStatus status, String text, int limit) {
		String like = (text == null || text.isBlank()) ? null
				: "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return this.jdbc
			.sql(SELECT
					+ """
							 where (cast(:status as text) is null or a.status = :status)
							   and (cast(:like as text) is null or lower(a.given_name || ' ' || a.family_name || ' ' || a.email || ' '
							        || a.affiliation || ' ' || a.discipline || ' ' || a.statement || ' ' || coalesce(a.note, ''))
							        like :like)
							 order by a.submitted_at
							 limit :limit
							""")
			.param("status", (status != null) ? status.code() : null)
			.param("like", like)
			.param("limit", limit)
			.query((rs, n) -> view(rs))
			.list();
	}

	void decide(UUID id, ApplicationStatus status, Instant at, String by, String reason) {
		this.jdbc
			.sql("update application set status = ?, decided_at = ?, decided_by = ?, decision_reason = ?,"
					+ " verification_hash = null where id = ?")
			.params(status.code(), Timestamp.from(at), by, reason, id)
			.update();
	}

	void note(UUID id, String note) {
		this.jdbc.sql("update application set note = ? where id = ?").params(note, id).update();
	}

	void insertMember(UUID id, String email, Instant at) {
		this.jdbc.sql("insert into member (id, email, status, joined_at) values (?, ?, 'active', ?)")
			.params(id, email, Timestamp.from(at))
			.update();
		this.jdbc
			.sql("insert into account_provisioning (member_id, status, next_attempt_at, created_at)"
					+ " values (?, 'pending', ?, ?)")
			.params(id, Timestamp.from(at), Timestamp.from(at))
			.update();
	}

	private static final String SELECT = """
			select a.*, p.status as account_status
			  from application a left join account_provisioning p on p.member_id = a.id
			""";

	private ApplicationView withConsents(ApplicationView view) {
		List<ApplicationView.ConsentView> consents = this.jdbc
			.sql("select purpose, text_version, given_at, given_how, withdrawn_at from consent where subject_id = ?"
					+ " order by id")
			.param(view.id())
			.query((rs, n) -> new ApplicationView.ConsentView(rs.getString("purpose"), rs.getString("text_version"),
					rs.getTimestamp("given_at").toInstant(), rs.getString("given_how"),
					instant(rs.getTimestamp("withdrawn_at"))))
			.list();
		return new ApplicationView(view.id(), view.status(), view.givenName(), view.familyName(), view.email(),
				view.affiliation(), view.discipline(), view.careerStage(), view.careerStageLabel(), view.country(),
				view.countryName(), view.interests(), view.orcid(), view.statement(), consents, view.submittedAt(),
				view.verifiedAt(), view.decidedAt(), view.decidedBy(), view.decisionReason(), view.note(),
				view.account());
	}

	private static ApplicationView view(ResultSet rs) throws SQLException {
		String stage = rs.getString("career_stage");
		String account = rs.getString("account_status");
		return new ApplicationView(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("given_name"),
				rs.getString("family_name"), rs.getString("email"), rs.getString("affiliation"),
				rs.getString("discipline"), stage, CareerStage.byCode(stage).map(CareerStage::label).orElse(stage),
				rs.getString("country"), Countries.name(rs.getString("country")), strings(rs.getArray("interests")),
				rs.getString("orcid"), rs.getString("statement"), List.of(),
				rs.getTimestamp("submitted_at").toInstant(), instant(rs.getTimestamp("verified_at")),
				instant(rs.getTimestamp("decided_at")), rs.getString("decided_by"), rs.getString("decision_reason"),
				rs.getString("note"), (account == null) ? null : ("done".equals(account) ? "created" : "pending"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array == null) ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
