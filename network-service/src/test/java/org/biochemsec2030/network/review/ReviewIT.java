package org.biochemsec2030.network.review;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.biochemsec2030.network.Api;
import org.biochemsec2030.network.Applicants;
import org.biochemsec2030.network.KeycloakInvitation;
import org.biochemsec2030.network.KeycloakUsers;
import org.biochemsec2030.network.NetworkServiceTest;
import org.biochemsec2030.platform.test.Engines;
import org.biochemsec2030.platform.test.Identity;
import org.biochemsec2030.platform.test.Mail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator's review: approval makes a real Keycloak member who chooses a password
 * from Keycloak's own mail and signs in; rejection mails the reason; an approval while
 * Keycloak does not answer is kept and completed, once, when it answers again.
 */
@NetworkServiceTest
class ReviewIT {

	private static final Duration MAIL = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anApprovedApplicantBecomesAKeycloakMemberWhoChoosesAPasswordAndSignsIn() {
		String email = Applicants.uniqueEmail("approved");
		String id = confirmedApplication(email);
		Api coordinator = new Api(this.port, "coordinator");

		Api.Response approved = coordinator.form("/admin/network/applications/" + id + "/approve", List.of());
		assertThat(approved.status()).as(approved.body()).isEqualTo(302);
		assertThat(approved.header("Location")).isEqualTo("/admin/network/applications/" + id + "?done=approved");
		Document page = Jsoup.parse(coordinator.page(approved.header("Location")).body());
		assertThat(page.select("#status").text()).isEqualTo("approved");
		assertThat(page.select(".notice").text()).startsWith("Approved.");

		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> Jsoup.parse(coordinator.page("/admin/network/applications/" + id).body())
				.select("#account")
				.text()
				.equals("Made in the identity provider"));
		// The account is made: the user exists once, with the role.
		List<JsonNode> users = KeycloakUsers.named(email);
		assertThat(users).hasSize(1);
		JsonNode user = users.get(0);
		assertThat(user.path("email").asString()).isEqualTo(email);
		assertThat(user.path("firstName").asString()).isEqualTo("Rosalind");
		assertThat(KeycloakUsers.realmRoles(user.path("id").asString())).contains("member");

		Mail.Message welcome = Mail.await(email, m -> m.subject().equals("Welcome to the science and security network"),
				MAIL);
		assertThat(welcome.text()).contains("https://biochemsec2030.example/network/me");
		Mail.Message invitation = Mail.await(email, m -> m.text() != null && m.text().contains("login-actions"), MAIL);
		String done = KeycloakInvitation.choosePassword(KeycloakInvitation.link(invitation.text()),
				"a-long-passphrase-42");
		assertThat(done).contains("Your account has been updated");

		String token = Identity.tokenFor(email, "a-long-passphrase-42");
		JsonNode claims = JsonMapper.builder()
			.build()
			.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
		assertThat(claims.path("realm_access").path("roles").toString()).contains("member");

		// The member's own export holds every personal field they gave.
		Api.Response export = Api.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/network/v1/me/export"))
			.header("Authorization", "Bearer " + token)
			.GET());
		assertThat(export.status()).as(export.body()).isEqualTo(200);
		JsonNode application = export.json().path("application");
		assertThat(application.path("email").asString()).isEqualTo(email);
		assertThat(application.path("givenName").asString()).isEqualTo("Rosalind");
		assertThat(application.path("familyName").asString()).isEqualTo("Franklin");
		assertThat(application.path("affiliation").asString()).isEqualTo("University of Exeter");
		assertThat(application.path("discipline").asString()).isEqualTo("Structural biology");
		assertThat(application.path("careerStage").asString()).isEqualTo("early-career");
		assertThat(application.path("country").asString()).isEqualTo("GB");
		assertThat(application.path("orcid").asString()).isEqualTo("0000-0002-1825-0097");
		assertThat(application.path("statement").asString()).contains("protein structures");
		assertThat(application.path("interests").toString()).contains("synthetic-biology");
		assertThat(export.json().path("consents")).hasSize(2);
		assertThat(export.json().path("mail").toString()).contains("Welcome to the science and security network");
		assertThat(export.json().path("auditTrail").toString()).contains("application.approved");
		assertThat(new Api(this.port, "member").get("/api/network/v1/me/export").status()).isEqualTo(404);
		assertThat(new Api(this.port, "member").get("/api/network/v1/members/" + id + "/export").status())
			.isEqualTo(403);
		assertThat(coordinator.get("/api/network/v1/members/" + id + "/export")
			.json()
			.path("member")
			.path("email")
			.asString()).isEqualTo(email);

		String event = this.jdbc
			.sql("select data from event_outbox where aggregate_id = ? and topic = 'bcs.network'"
					+ " and type = 'org.biochemsec2030.network.member.approved.v1'")
			.param(id)
			.query(String.class)
			.single();
		assertThat(event).doesNotContain(email).doesNotContain("Rosalind");
		assertThat(this.jdbc.sql("select count(*) from event_outbox where aggregate_id = ? and topic = 'bcs.public'")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		// The coordinator's looks at the application are in the audit trail.
		assertThat(this.jdbc
			.sql("select count(*) from audit_log where target = ? and action = 'application.viewed'"
					+ " and detail ->> 'by' = 'coordinator'")
			.param("application:" + id)
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void anApprovalWhileKeycloakDoesNotAnswerCompletesOnceItDoesWithExactlyOneUser() {
		String email = Applicants.uniqueEmail("patient");
		String id = confirmedApplication(email);
		// The coordinator's token and the realm's keys are in hand before Keycloak hangs.
		// One
		// token for the whole test: a user's Api fetches a fresh one after 30 s, and
		// waiting for
		// the account job's attempts can take longer than that, when the fetch would
		// hang.
		Api coordinator = Api.bearer(this.port, Identity.tokenFor("coordinator"));
		assertThat(coordinator.page("/admin/network").status()).isEqualTo(200);
		Engines.pauseKeycloak();
		try {
			Api.Response approved = coordinator.form("/admin/network/applications/" + id + "/approve", List.of());
			assertThat(approved.status()).isEqualTo(302);
			Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> attempts(id) >= 2);
			assertThat(status(id)).isEqualTo("pending");
			assertThat(
					Jsoup.parse(coordinator.page("/admin/network/applications/" + id).body()).select("#status").text())
				.isEqualTo("approved");
		}
		finally {
			Engines.resumeKeycloak();
		}
		Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> "done".equals(status(id)));
		List<JsonNode> users = KeycloakUsers.named(email);
		assertThat(users).hasSize(1);
		assertThat(KeycloakUsers.realmRoles(users.get(0).path("id").asString())).contains("member");
	}

	@Test
	void aRejectionNeedsAReasonWhichIsMailedToTheApplicant() {
		String email = Applicants.uniqueEmail("rejected");
		String id = confirmedApplication(email);
		Api coordinator = new Api(this.port, "coordinator");
		Api.Response noReason = coordinator.form("/admin/network/applications/" + id + "/reject",
				List.of(Map.entry("reason", "  ")));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(Jsoup.parse(noReason.body()).select("#reason-error").text()).contains("Give the reason");

		Api.Response rejected = coordinator.form("/admin/network/applications/" + id + "/reject",
				List.of(Map.entry("reason", "The network is for researchers in the life and chemical sciences.")));
		assertThat(rejected.header("Location")).endsWith("?done=rejected");
		Mail.Message mail = Mail.await(email,
				m -> m.subject().equals("Your application to the science and security network"), MAIL);
		assertThat(mail.text()).contains("for researchers in the life and chemical sciences");

		Api.Response twice = coordinator.form("/admin/network/applications/" + id + "/approve", List.of());
		assertThat(twice.status()).isEqualTo(409);
		assertThat(coordinator.post("/api/network/v1/applications/" + id + "/approve", Map.of()).status())
			.isEqualTo(409);
	}

	@Test
	void anUnconfirmedApplicationCannotBeApproved() {
		String email = Applicants.uniqueEmail("unconfirmed");
		Api.anonymous(this.port).form("/network/apply", Applicants.form(email));
		String id = idOf(email);
		Api.Response refused = new Api(this.port, "coordinator").form("/admin/network/applications/" + id + "/approve",
				List.of());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(Jsoup.parse(refused.body()).select(".problem").text()).contains("before the applicant confirms");
	}

	private String confirmedApplication(String email) {
		Api.anonymous(this.port).form("/network/apply", Applicants.form(email));
		Api.anonymous(this.port).page(Applicants.verificationLink(email));
		return idOf(email);
	}

	private String idOf(String email) {
		return this.jdbc.sql("select cast(id as text) from application where email = ?")
			.param(email)
			.query(String.class)
			.single();
	}

	private int attempts(String id) {
		return this.jdbc.sql("select attempts from account_provisioning where member_id = cast(? as uuid)")
			.param(id)
			.query(Integer.class)
			.single();
	}

	private String status(String id) {
		return this.jdbc.sql("select status from account_provisioning where member_id = cast(? as uuid)")
			.param(id)
			.query(String.class)
			.single();
	}

}
