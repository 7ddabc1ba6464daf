package org.biochemsec2030.network.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.AuditLog;
import org.biochemsec2030.platform.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the Keycloak accounts of approved members. An approval only records the member
 * and a row here, in its own transaction, so it never waits for (or fails with) Keycloak;
 * this job takes each due row under a lock other replicas skip and makes the account with
 * calls that are safe to repeat (look up before create, role given once), so a Keycloak
 * that is down or slow delays the account and never doubles it. The invitation mail is
 * asked for once, after the user exists.
 */
@Component
class AccountProvisioning {

	private static final Logger log = LoggerFactory.getLogger(AccountProvisioning.class);

	private static final Actor SYSTEM = Actor.system("account-provisioning");

	private final JdbcClient jdbc;

	private final KeycloakAdmin keycloak;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	private final Clock clock;

	AccountProvisioning(JdbcClient jdbc, KeycloakAdmin keycloak, TransactionTemplate transactions, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.keycloak = keycloak;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
	}

	private record Due(UUID memberId, int attempts, String keycloakUserId, Timestamp invitationSentAt, String email,
			String givenName, String familyName) {

	}

	@Scheduled(fixedDelayString = "${bcs.network.accounts.retry-interval:5s}")
	void provisionDue() {
		for (int i = 0; i < 20; i++) {
			Boolean more = this.transactions.execute(status -> provisionOne());
			Boolean erased = this.transactions.execute(status -> eraseOne());
			Boolean disabled = this.transactions.execute(status -> disableOne());
			if (!Boolean.TRUE.equals(more) && !Boolean.TRUE.equals(erased) && !Boolean.TRUE.equals(disabled)) {
				return;
			}
		}
	}

	private record Erasure(UUID memberId, int attempts, String keycloakUserId, String username) {

	}

	/**
	 * Disables the Keycloak account of a member who left, retried like the creation. The
	 * row keeps the account's id (an erasure later deletes it).
	 */
	private boolean disableOne() {
		Instant now = this.clock.instant();
		List<Erasure> due = this.jdbc.sql("""
				select member_id, attempts, keycloak_user_id, username from account_provisioning
				 where status = 'disable-pending' and next_attempt_at <= ?
				 order by next_attempt_at limit 1 for update skip locked
				""").param(Timestamp.from(now)).query(Erasure.class).list();
		if (due.isEmpty()) {
			return false;
		}
		Erasure row = due.get(0);
		try {
			this.keycloak.disableUser(row.keycloakUserId(), row.username());
			this.jdbc.sql("""
					update account_provisioning set status = 'disabled', username = null, done_at = ?, last_error = null
					 where member_id = ?
					""").params(Timestamp.from(now), row.memberId()).update();
			this.audit.record(SYSTEM, "member.account-disabled", "member:" + row.memberId(), Map.of());
			return true;
		}
		catch (RuntimeException ex) {
			retryLater(row, now, ex, "disabled");
			return false;
		}
	}

	private void retryLater(Erasure row, Instant now, RuntimeException ex, String what) {
		Duration pause = Duration.ofSeconds(Math.min(300, 1L << Math.min(row.attempts(), 8)));
		log.warn("The account of member {} could not be {} yet (attempt {}), retrying in {}: {}", row.memberId(), what,
				row.attempts() + 1, pause, ex.getMessage());
		this.jdbc.sql("""
				update account_provisioning set attempts = attempts + 1, next_attempt_at = ?, last_error = ?
				 where member_id = ?
				""").params(Timestamp.from(now.plus(pause)), String.valueOf(ex.getMessage()), row.memberId()).update();
	}

	/** Deletes the Keycloak account of an erased member, retried like the creation. */
	private boolean eraseOne() {
		Instant now = this.clock.instant();
		List<Erasure> due = this.jdbc.sql("""
				select member_id, attempts, keycloak_user_id, username from account_provisioning
				 where status = 'erase-pending' and next_attempt_at <= ?
				 order by next_attempt_at limit 1 for update skip locked
				""").param(Timestamp.from(now)).query(Erasure.class).list();
		if (due.isEmpty()) {
			return false;
		}
		Erasure row = due.get(0);
		try {
			this.keycloak.deleteUser(row.keycloakUserId(), row.username());
			// Done: not even the account's name stays.
			this.jdbc.sql("""
					update account_provisioning set status = 'erased', username = null, keycloak_user_id = null,
					       done_at = ?, last_error = null
					 where member_id = ?
					""").params(Timestamp.from(now), row.memberId()).update();
			this.audit.record(SYSTEM, "member.account-deleted", "member:" + row.memberId(), Map.of());
			return true;
		}
		catch (RuntimeException ex) {
			retryLater(row, now, ex, "deleted");
			return false;
		}
	}

	private boolean provisionOne() {
		Instant now = this.clock.instant();
		List<Due> due = this.jdbc.sql("""
				select p.member_id, p.attempts, p.keycloak_user_id, p.invitation_sent_at, m.email, a.given_name,
				       a.family_name
				  from account_provisioning p join member m on m.id = p.member_id join application a on a.id = m.id
				 where p.status = 'pending' and p.next_attempt_at <= ?
				 order by p.next_attempt_at
				 limit 1
				 for update of p skip locked
				""").param(Timestamp.from(now)).query(Due.class).list();
		if (due.isEmpty()) {
			return false;
		}
		Due row = due.get(0);
		String userId = row.keycloakUserId();
		try {
			if (userId == null) {
				userId = this.keycloak
					.ensureUser(new KeycloakAdmin.Person(row.email(), row.email(), row.givenName(), row.familyName()));
				// Kept at once: a later step that fails does not lose the account made.
				this.jdbc.sql("update account_provisioning set keycloak_user_id = ? where member_id = ?")
					.params(userId, row.memberId())
					.update();
			}
			this.keycloak.grantRealmRole(userId, Roles.MEMBER);
			if (row.invitationSentAt() == null) {
				this.keycloak.sendPasswordInvitation(userId);
			}
			this.jdbc.sql("""
					update account_provisioning set status = 'done', keycloak_user_id = ?, attempts = attempts + 1,
					       invitation_sent_at = coalesce(invitation_sent_at, ?), done_at = ?, last_error = null
					 where member_id = ?
					""").params(userId, Timestamp.from(now), Timestamp.from(now), row.memberId()).update();
			this.jdbc.sql("update member set keycloak_user_id = ? where id = ?")
				.params(userId, row.memberId())
				.update();
			this.audit.record(SYSTEM, "member.account-created", "member:" + row.memberId(), Map.of());
			return true;
		}
		catch (RuntimeException ex) {
			Duration pause = Duration.ofSeconds(Math.min(300, 1L << Math.min(row.attempts(), 8)));
			log.warn("The account of member {} could not be made yet (attempt {}), retrying in {}: {}", row.memberId(),
					row.attempts() + 1, pause, ex.getMessage());
			this.jdbc.sql("""
					update account_provisioning set attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
					       keycloak_user_id = coalesce(keycloak_user_id, ?)
					 where member_id = ?
					""")
				.params(Timestamp.from(now.plus(pause)), String.valueOf(ex.getMessage()), userId, row.memberId())
				.update();
			return false;
		}
	}

}
