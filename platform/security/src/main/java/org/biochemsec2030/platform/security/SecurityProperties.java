package org.biochemsec2030.platform.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service trusts the realm. The issuer is the address in the tokens' {@code iss}
 * (what browsers use); the key set may be fetched from another address (inside the
 * cluster), which is why both are configurable and neither is discovered at start-up: a
 * service starts even while Keycloak does not answer yet.
 *
 * @param issuerUri the realm as tokens name it, e.g.
 * http://localhost:8180/realms/biochemsec
 * @param jwkSetUri where the realm's signing keys are read; defaults to the issuer's
 * @param audience the audience every accepted token must carry
 * @param staffRoles the realm roles (besides admin) allowed into this service's admin
 * tool
 * @param clockSkew how far a token's times may be off this service's clock
 * @param keySetTimeout how long fetching the key set may take (connect and read each): a
 * request waiting for keys is a request held open, so this stays short
 * @param anonymousPosts paths (patterns) where a POST needs no token: forms the public
 * sends without an account, such as an application to join; each such handler checks its
 * input itself
 */
@Validated
@ConfigurationProperties("bcs.security")
public record SecurityProperties(@NotNull URI issuerUri, URI jwkSetUri, @DefaultValue("bcs") @NotBlank String audience,
		@DefaultValue("admin") List<String> staffRoles, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue("3s") Duration keySetTimeout, @DefaultValue List<String> anonymousPosts) {

	public URI keySetUri() {
		return jwkSetUri != null && !jwkSetUri.toString().isEmpty() ? jwkSetUri
				: URI.create(issuerUri + "/protocol/openid-connect/certs");
	}

	/** Roles allowed into /admin/**: the service's staff roles and always admin. */
	public String[] adminToolRoles() {
		return java.util.stream.Stream.concat(staffRoles.stream(), java.util.stream.Stream.of(Roles.ADMIN))
			.distinct()
			.toArray(String[]::new);
	}

}
