package org.biochemsec2030.network.member;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.contracts.network.MemberLeft;
import org.biochemsec2030.network.digest.Digests;
import org.biochemsec2030.network.directory.Profiles;
import org.biochemsec2030.network.meeting.Meetings;
import org.biochemsec2030.network.support.Conflict;
import org.biochemsec2030.network.support.NetworkTopics;
import org.biochemsec2030.network.support.NotFound;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leaving the network: the member is out of the directory and of search at once, their
 * digests end, their places at meetings go to the next in line, and their Keycloak
 * account is disabled by the account job (now, or when Keycloak answers), so the leaving
 * never waits for Keycloak. What is held about them stays, for the record and for an
 * export, until they ask for erasure.
 */
@Service
public class Membership {

	private final JdbcClient jdbc;

	private final Profiles profiles;

	private final Meetings meetings;

	private final Digests digests;

	private final NetworkTopics topics;

	private final AuditLog audit;

	private final Clock clock;

	Membership(JdbcClient jdbc, Profiles profiles, Meetings meetings, Digests digests, NetworkTopics topics,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.digests = digests;
		this.profiles = profiles;
		this.meetings = meetings;
		this.topics = topics;
		this.audit = audit;
		this.clock = clock;
	}

	private record Found(String status, String email, String keycloakUserId) {

	}

	@Transactional
	public void leave(UUID memberId, Actor actor) {
		Found member = this.jdbc.sql("select status, email, keycloak_user_id from member where id = ? for update")
			.param(memberId)
			.query(Found.class)
			.optional()
			.orElseThrow(() -> new NotFound("No member " + memberId));
		if (!"active".equals(member.status())) {
			throw new Conflict("This member has already left the network.");
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("update member set status = 'left', left_at = ? where id = ?")
			.params(Timestamp.from(now), memberId)
			.update();
		this.profiles.unlist(memberId);
		this.digests.forget(memberId);
		if (member.keycloakUserId() != null) {
			this.meetings.withdrawEverywhere(member.keycloakUserId());
		}
		// An account not made yet is not made any more; one that exists is disabled.
		this.jdbc.sql("""
				update account_provisioning set status = 'disable-pending', username = ?, attempts = 0,
				       next_attempt_at = ?, last_error = null
				 where member_id = ?
				""").params(member.email(), Timestamp.from(now), memberId).update();
		this.topics.announce(new MemberLeft(memberId.toString(), now));
		this.audit.record(actor, "member.left", "member:" + memberId, Map.of());
	}

}
