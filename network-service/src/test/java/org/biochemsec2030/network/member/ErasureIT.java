package org.biochemsec2030.network.member;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.biochemsec2030.network.Api;
import org.biochemsec2030.network.Applicants;
import org.biochemsec2030.network.KeycloakInvitation;
import org.biochemsec2030.network.KeycloakUsers;
import org.biochemsec2030.network.NetworkServiceTest;
import org.biochemsec2030.network.SearchEntries;
import org.biochemsec2030.network.meeting.MeetingInput;
import org.biochemsec2030.network.meeting.MeetingView;
import org.biochemsec2030.network.meeting.Meetings;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.test.Identity;
import org.biochemsec2030.platform.test.Mail;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's erasure leaves nothing personal in this service's database nor in Keycloak,
 * and tells the other services by {@code member.erased} on {@code bcs.network} only.
 */
@NetworkServiceTest
class ErasureIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Meetings meetings;

	@Test
	void anErasedMemberLeavesNoPersonalDataHereNorInKeycloak() {
		String email = Applicants.uniqueEmail("erase");
		String given = "Hypatia" + UUID.randomUUID().toString().substring(0, 6);
		String family = "Alexandrina" + UUID.randomUUID().toString().substring(0, 6);
		String statement = "A statement only this test writes " + UUID.randomUUID();
		var form = Applicants.with(
				Applicants.with(Applicants.with(Applicants.form(email), "givenName", given), "familyName", family),
				"statement", statement);
		Api.anonymous(this.port).form("/network/apply", form);
		Api.anonymous(this.port).page(Applicants.verificationLink(email));
		String id = this.jdbc.sql("select cast(id as text) from application where email = ?")
			.param(email)
			.query(String.class)
			.single();
		assertThat(new Api(this.port, "coordinator").post("/api/network/v1/applications/" + id + "/approve", "{}")
			.status()).isEqualTo(200);
		Mail.Message invitation = Mail.await(email, m -> m.text() != null && m.text().contains("login-actions"),
				Duration.ofSeconds(90));
		KeycloakInvitation.choosePassword(KeycloakInvitation.link(invitation.text()), "erase-me-please-42");
		String token = Identity.tokenFor(email, "erase-me-please-42");

		MeetingView meeting = this.meetings.schedule(
				new MeetingInput("Erasure test " + UUID.randomUUID(), null, "A meeting", "", List.of(),
						"2030-09-01T10:00", "2030-09-01T12:00", "Europe/London", "Exeter", null, 1, null, List.of()),
				new Actor("test", "test", List.of("coordinator")));
		assertThat(as(token, "POST", "/api/network/v1/meetings/" + meeting.slug() + "/rsvp").status()).isEqualTo(200);
		Meetings.Attendee next = new Meetings.Attendee("next-" + UUID.randomUUID(), "Next in line",
				Applicants.uniqueEmail("next"));
		assertThat(this.meetings.attend(meeting.slug(), next).status()).isEqualTo("waiting");

		// A public directory entry, in search until the erasure.
		Api.Response listed = Api.bearer(this.port, token)
			.put("/api/network/v1/me/profile", java.util.Map.of("name", given + " " + family, "bio", statement,
					"visibility", java.util.Map.of("name", "public", "bio", "public"), "listed", true));
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> SearchEntries.of(id) != null);
		assertThat(Api.bearer(this.port, token)
			.put("/api/network/v1/me/digests",
					java.util.Map.of("topics", List.of("synthetic-biology"), "frequency", "weekly"))
			.status()).isEqualTo(200);

		String account = this.jdbc.sql("select keycloak_user_id from member where id = ?")
			.param(UUID.fromString(id))
			.query(String.class)
			.single();
		// An alert their watchlist asked for, waiting for their next digest.
		this.jdbc.sql("""
				insert into digest_watchlist_alert (watchlist_id, development_id, member_id, title, summary, url,
				                                    published_at, received_at)
				values (?, ?, ?, 'Watched development', '', '/tracker/developments/x', now(), now())""")
			.params(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.fromString(id))
			.update();
		assertThat(this.jdbc.sql("select count(*) from audit_log where actor = ?")
			.param(account)
			.query(Long.class)
			.single()).isPositive();
		Api.Response erased = as(token, "POST", "/api/network/v1/me/erase");
		assertThat(erased.status()).as(erased.body()).isEqualTo(202);

		// The place held goes to the next in line.
		assertThat(this.meetings.bySlug(meeting.slug(), next.id()).rsvp().status()).isEqualTo("attending");
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> KeycloakUsers.named(email).isEmpty());
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> SearchEntries.of(id) == null);
		for (String table : List.of("profile", "digest_subscription", "digest_watchlist_alert", "consent")) {
			assertThat(this.jdbc
				.sql("select count(*) from " + table + " where "
						+ (table.equals("consent") ? "subject_id" : "member_id") + " = ?")
				.param(UUID.fromString(id))
				.query(Long.class)
				.single()).as(table).isZero();
		}
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> "erased".equals(this.jdbc.sql("select status from account_provisioning where member_id = ?")
				.param(UUID.fromString(id))
				.query(String.class)
				.single()));
		List<String> tables = this.jdbc
			.sql("select table_name from information_schema.tables where table_schema = 'public'"
					+ " and table_type = 'BASE TABLE' and table_name not like 'flyway%'")
			.query(String.class)
			.list();
		assertThat(tables).contains("application", "member", "consent", "rsvp", "mail_outbox", "audit_log",
				"event_outbox", "account_provisioning", "profile", "digest_subscription");
		for (String table : tables) {
			// The account id too, which the other services knew the member by; the
			// events' own tables keep the erasure event, which names it for them.
			List<String> values = table.startsWith("event_") ? List.of(email, given, family, statement)
					: List.of(email, given, family, statement, account);
			for (String personal : values) {
				long found = this.jdbc
					.sql("select count(*) from " + table + " t where position(lower(?) in lower(t::text)) > 0")
					.param(personal)
					.query(Long.class)
					.single();
				assertThat(found).as(table + " still holds " + personal).isZero();
			}
		}
		assertThat(this.jdbc
			.sql("select count(*) from event_outbox where aggregate_id = ? and topic = 'bcs.network'"
					+ " and type = 'org.biochemsec2030.network.member.erased.v1'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from event_outbox where aggregate_id = ? and topic = 'bcs.public'")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from audit_log where target = ? and action = 'member.erased'")
			.param("member:" + id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private Api.Response as(String token, String method, String path) {
		return Api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.method(method, HttpRequest.BodyPublishers.noBody()));
	}

}
