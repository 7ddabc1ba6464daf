package org.biochemsec2030.network.member;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.contracts.network.MemberErased;
import org.biochemsec2030.network.digest.Digests;
import org.biochemsec2030.network.directory.Profiles;
import org.biochemsec2030.network.mail.Mailer;
import org.biochemsec2030.network.meeting.Meetings;
import org.biochemsec2030.network.support.NetworkTopics;
import org.biochemsec2030.network.support.NotFound;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything this service holds about one member, as JSON: for the member themselves and
 * for staff answering a request. Each export is recorded in the audit log (who looked at
 * whose data). The tables are read column by column, so a column added later is in the
 * export without anyone remembering to add it here.
 */
@Service
public class PersonalData {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Meetings meetings;

	private final Mailer mailer;

	private final NetworkTopics topics;

	private final Profiles profiles;

	private final Digests digests;

	private final Clock clock;

	PersonalData(JdbcClient jdbc, AuditLog audit, Meetings meetings, Mailer mailer, NetworkTopics topics,
			Profiles profiles, Digests digests, Clock clock) {
		this.jdbc = jdbc;
		this.digests = digests;
		this.profiles = profiles;
		this.audit = audit;
		this.meetings = meetings;
		this.mailer = mailer;
		this.topics = topics;
		this.clock = clock;
	}

	/**
	 * Erases a member: their answers to meetings are withdrawn (a place goes to the next
	 * in line) and deleted, their consents and mail deleted, the application and member
	 * rows keep only what is not personal (ids, dates, who decided), the audit trail
	 * keeps what was done but not their name, and the Keycloak account is deleted by the
	 * account job (now, or when Keycloak answers). {@code member.erased} tells every
	 * other service to do the same.
	 */
	/** Who an erased member's entries in the audit trail say did it. */
	static final String ERASED_MEMBER = "erased member";

	@Transactional
	public void erase(UUID memberId, Actor actor) {
		List<Map<String, Object>> found = rows("select * from member where id = ? for update", memberId);
		if (found.isEmpty() || "erased".equals(found.get(0).get("status"))) {
			throw new NotFound("No member " + memberId);
		}
		String email = (String) found.get(0).get("email");
		String account = (String) found.get(0).get("keycloakUserId");
		if (account != null) {
			this.meetings.forget(account);
			// What the member did stays on record, not who they were: neither their name
			// nor their account id, which the other services erase too.
			this.jdbc.sql("""
					update audit_log set actor = :erased,
					       detail = jsonb_set(detail, '{by}', to_jsonb(cast(:erased as text)))
					 where actor = :account""").param("erased", ERASED_MEMBER).param("account", account).update();
		}
		this.mailer.forget(email);
		this.profiles.forget(memberId);
		this.digests.forget(memberId);
		this.jdbc.sql("delete from consent where subject_id = ?").param(memberId).update();
		String erased = "erased:" + memberId;
		this.jdbc.sql("""
				update application set email = ?, given_name = '', family_name = '', affiliation = '', discipline = '',
				       career_stage = '', country = '', interests = '{}', orcid = null, statement = '', note = null,
				       decision_reason = null, verification_hash = null
				 where id = ?
				""").params(erased, memberId).update();
		this.jdbc.sql("update member set email = ?, status = 'erased', keycloak_user_id = null where id = ?")
			.params(erased, memberId)
			.update();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update account_provisioning set status = 'erase-pending', username = ?, attempts = 0,
				       next_attempt_at = ?, last_error = null, keycloak_user_id = coalesce(keycloak_user_id, ?)
				 where member_id = ?
				""").params(email, Timestamp.from(now), account, memberId).update();
		this.topics.announce(new MemberErased(memberId.toString(), account, now));
		// Erasure asked for by the member: recorded under their (now meaningless) id, not
		// their name.
		Actor by = actor.id().equals(account) ? new Actor(ERASED_MEMBER, ERASED_MEMBER, actor.roles()) : actor;
		this.audit.record(by, "member.erased", "member:" + memberId, Map.of());
	}

	/** The member whose Keycloak account this is. */
	public Optional<UUID> memberOfAccount(String keycloakUserId) {
		return this.jdbc.sql("select id from member where keycloak_user_id = ? and status = 'active'")
			.param(keycloakUserId)
			.query(UUID.class)
			.optional();
	}

	/**
	 * Where each table that holds anything about a member is in the export. Every other
	 * table of the database must be in {@link #NOT_PERSONAL}: a test fails for a table in
	 * neither, and for a column of an exported table missing from the export.
	 */
	static final Map<String, String> EXPORTED = Map.of("member", "member", "application", "application", "profile",
			"profile", "consent", "consents", "account_provisioning", "account", "rsvp", "meetingAnswers",
			"mail_outbox", "mail", "audit_log", "auditTrail", "digest_subscription", "digest", "digest_watchlist_alert",
			"watchlistAlerts");

	/**
	 * Tables that hold nothing about a person: meetings themselves, the keys of forms
	 * received, the events' plumbing (events carry ids, never personal details) and the
	 * site version of the kept public pages (one number).
	 */
	static final java.util.Set<String> NOT_PERSONAL = java.util.Set.of("meeting", "application_submission",
			"admin_form_key", "digest_item", "event_outbox", "event_inbox", "event_relay_lease",
			"flyway_schema_history", "site_version");

	@Transactional
	public Map<String, Object> export(UUID memberId, Actor actor) {
		List<Map<String, Object>> member = rows("select * from member where id = ?", memberId);
		if (member.isEmpty()) {
			throw new NotFound("No member " + memberId);
		}
		Map<String, Object> row = member.get(0);
		String email = (String) row.get("email");
		String account = (String) row.get("keycloakUserId");
		Map<String, Object> export = new LinkedHashMap<>();
		export.put("member", row);
		export.put("application", rows("select * from application where id = ?", memberId).get(0));
		export.put("profile", rows("select * from profile where member_id = ?", memberId));
		export.put("digest", rows("select * from digest_subscription where member_id = ?", memberId));
		export.put("watchlistAlerts",
				rows("select * from digest_watchlist_alert where member_id = ? order by received_at", memberId));
		export.put("consents", rows("select * from consent where subject_id = ? order by id", memberId));
		export.put("account", rows("select * from account_provisioning where member_id = ?", memberId));
		export.put("meetingAnswers", (account == null) ? List.of()
				: rows("select r.*, m.title as meeting_title, m.starts_at as meeting_starts_at from rsvp r"
						+ " join meeting m on m.id = r.meeting_id where r.attendee_id = ? order by r.responded_at",
						account));
		export.put("mail", rows("select * from mail_outbox where recipient = ? order by id", email));
		export.put("auditTrail", rows("select * from audit_log where target in (?, ?) order by id",
				"member:" + memberId, "application:" + memberId));
		this.audit.record(actor, "personal-data.exported", "member:" + memberId, Map.of());
		return export;
	}

	private List<Map<String, Object>> rows(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query((ResultSet rs, int n) -> row(rs)).list();
	}

	private static Map<String, Object> row(ResultSet rs) throws SQLException {
		ResultSetMetaData meta = rs.getMetaData();
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			Object value = rs.getObject(i);
			if (value instanceof java.sql.Array array) {
				value = new ArrayList<>(List.of((Object[]) array.getArray()));
			}
			else if (value instanceof java.sql.Timestamp timestamp) {
				value = timestamp.toInstant().toString();
			}
			else if (value != null && !(value instanceof Number) && !(value instanceof Boolean)) {
				value = value.toString();
			}
			row.put(camel(meta.getColumnLabel(i)), value);
		}
		return row;
	}

	private static String camel(String column) {
		StringBuilder name = new StringBuilder();
		boolean upper = false;
		for (char c : column.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return name.toString();
	}

}
