package org.biochemsec2030.platform.test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The realm as the repository defines it (infra/keycloak), imported into a real Keycloak
 * together with the demo data: the roles, audience and lock-out the services rely on.
 */
class RealmIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void demoEditorTokenCarriesTheEditorRoleAndTheSuiteAudience() {
		JsonNode claims = claims(Identity.tokenFor("editor"));

		assertThat(roles(claims)).contains("editor").doesNotContain("admin", "partner");
		assertThat(claims.get("aud").toString()).contains("\"bcs\"");
		assertThat(claims.get("iss").asString()).isEqualTo(Identity.issuer());
		assertThat(claims.get("preferred_username").asString()).isEqualTo("editor");
	}

	@Test
	void demoAdminHasEveryStaffRole() {
		assertThat(roles(claims(Identity.tokenFor("admin")))).contains("admin", "editor", "coordinator", "analyst",
				"publisher");
	}

	@Test
	void partnerClientGetsThePartnerRoleOnly() {
		List<String> roles = roles(claims(Identity.partnerToken()));

		assertThat(roles).contains("partner").doesNotContain("editor", "admin", "member");
	}

	@Test
	void accessTokensAreShortLived() {
		JsonNode claims = claims(Identity.tokenFor("member"));

		assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isLessThanOrEqualTo(300);
	}

	@Test
	void repeatedWrongPasswordsLockTheAccountForAWhile() {
		for (int i = 0; i < 5; i++) {
			String wrong = "wrong-password-" + i;
			assertThatThrownBy(() -> Identity.tokenFor("publisher", wrong)).hasMessageContaining("invalid_grant");
		}

		// The right password no longer helps until the wait is over.
		assertThatThrownBy(() -> Identity.tokenFor("publisher")).hasMessageContaining("invalid_grant");
	}

	private static JsonNode claims(String jwt) {
		String payload = jwt.split("\\.")[1];
		return JSON.readTree(Base64.getUrlDecoder().decode(payload));
	}

	private static List<String> roles(JsonNode claims) {
		List<String> roles = new ArrayList<>();
		claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asString()));
		return roles;
	}

}
