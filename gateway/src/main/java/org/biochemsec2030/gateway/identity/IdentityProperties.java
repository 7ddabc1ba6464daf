package org.biochemsec2030.gateway.identity;

import java.net.URI;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway as a client of the realm.
 *
 * @param issuerUri the realm as browsers reach it and as tokens name it
 * @param backchannelUri the realm as the gateway reaches it for tokens and keys (inside
 * the suite's network); defaults to the issuer
 * @param clientId the gateway's client in the realm
 * @param clientSecret its secret, from the environment only
 * @param publicUrl the site's address as browsers see it (redirect and sign-out targets
 * must match the realm's registered URIs exactly)
 * @param adminRoles per service, the staff role (besides admin) allowed into
 * /admin/&lt;service&gt;/**
 */
@Validated
@ConfigurationProperties("bcs.identity")
public record IdentityProperties(@NotNull URI issuerUri, URI backchannelUri, @DefaultValue("gateway") String clientId,
		@NotBlank(
				message = "set BCS_GATEWAY_CLIENT_SECRET to the gateway client's secret in the realm") String clientSecret,
		@NotNull URI publicUrl, Map<String, String> adminRoles) {

	URI realmForGateway() {
		return backchannelUri != null && !backchannelUri.toString().isBlank() ? backchannelUri : issuerUri;
	}

	String publicUrlWithoutSlash() {
		String url = publicUrl.toString();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
