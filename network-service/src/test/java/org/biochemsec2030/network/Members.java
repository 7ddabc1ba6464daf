package org.biochemsec2030.network;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.platform.test.Identity;
import org.biochemsec2030.platform.test.Mail;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Object Mother of members who can sign in: each applies with the form, confirms the
 * address from the real mailbox, is approved by the demo coordinator, and chooses a
 * password from Keycloak's own mail, as a person would.
 */
public final class Members {

	private Members() {
	}

	/** A member with their id, address, name and password. */
	public record Member(UUID id, String email, String givenName, String familyName, String password) {

		public String token() {
			return Identity.tokenFor(this.email, this.password);
		}

	}

	public static Member signedUp(int port, JdbcClient jdbc, String who) {
		String email = Applicants.uniqueEmail(who);
		String given = "Given" + UUID.randomUUID().toString().substring(0, 6);
		String family = "Family" + UUID.randomUUID().toString().substring(0, 6);
		List<Map.Entry<String, String>> form = Applicants
			.with(Applicants.with(Applicants.form(email), "givenName", given), "familyName", family);
		Api.anonymous(port).form("/network/apply", form);
		Api.anonymous(port).page(Applicants.verificationLink(email));
		UUID id = jdbc.sql("select id from application where email = ?").param(email).query(UUID.class).single();
		assertThat(new Api(port, "coordinator").post("/api/network/v1/applications/" + id + "/approve", "{}").status())
			.isEqualTo(200);
		Mail.Message invitation = Mail.await(email, m -> m.text() != null && m.text().contains("login-actions"),
				Duration.ofSeconds(90));
		String password = "pw-" + UUID.randomUUID();
		KeycloakInvitation.choosePassword(KeycloakInvitation.link(invitation.text()), password);
		return new Member(id, email, given, family, password);
	}

}
