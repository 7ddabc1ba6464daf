package org.biochemsec2030.network.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consent ledger after the application: a member gives a purpose (a new row with the
 * current text's version, when and how) or withdraws it (the open row is closed, never
 * deleted, so the ledger shows what held when). Called in the change's transaction.
 */
@Component
public class ConsentLedger {

	private final JdbcClient jdbc;

	ConsentLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the purpose as given, unless it is given already. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void give(UUID subject, Consents.Purpose purpose, String how, Instant now) {
		this.jdbc.sql("""
				insert into consent (subject_id, purpose, text_version, given_at, given_how)
				select ?, ?, ?, ?, ? where not exists (select 1 from consent
				    where subject_id = ? and purpose = ? and withdrawn_at is null)
				""")
			.params(subject, purpose.code(), purpose.version(), Timestamp.from(now), how, subject, purpose.code())
			.update();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void withdraw(UUID subject, Consents.Purpose purpose, Instant now) {
		this.jdbc
			.sql("update consent set withdrawn_at = ? where subject_id = ? and purpose = ? and withdrawn_at is null")
			.params(Timestamp.from(now), subject, purpose.code())
			.update();
	}

	/** One row of the ledger: a purpose given with a text version, and its withdrawal. */
	public record Entry(String purpose, String textVersion, Instant givenAt, String givenHow, Instant withdrawnAt) {

		public boolean held() {
			return this.withdrawnAt == null;
		}

	}

	/** The subject's ledger, newest first. */
	@Transactional(readOnly = true)
	public List<Entry> history(UUID subject) {
		return this.jdbc.sql("""
				select purpose, text_version, given_at, given_how, withdrawn_at from consent
				 where subject_id = ? order by given_at desc, id desc""")
			.param(subject)
			.query((rs, n) -> new Entry(rs.getString("purpose"), rs.getString("text_version"),
					rs.getTimestamp("given_at").toInstant(), rs.getString("given_how"),
					(rs.getTimestamp("withdrawn_at") != null) ? rs.getTimestamp("withdrawn_at").toInstant() : null))
			.list();
	}

	/** The purpose's open row, if the subject holds it now. */
	@Transactional(readOnly = true)
	public Optional<Entry> current(UUID subject, Consents.Purpose purpose) {
		return history(subject).stream().filter(e -> e.purpose().equals(purpose.code()) && e.held()).findFirst();
	}

}
