package org.biochemsec2030.network.support;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the network-service ({@code bcs.network.*}).
 *
 * @param publicUrl the site's public address (the gateway), for links in mail
 * @param demo whether demo data is loaded at start
 * @param mail how mail leaves
 * @param applications how long an unconfirmed application waits
 * @param accounts how member accounts are made in Keycloak
 */
@Validated
@ConfigurationProperties("bcs.network")
public record NetworkProperties(@NotNull URI publicUrl, @DefaultValue("false") boolean demo,
		@Valid @DefaultValue Mail mail, @Valid @DefaultValue Applications applications,
		@Valid @NotNull Accounts accounts) {

	public record Mail(@NotBlank @DefaultValue("network@biochemsec2030.invalid") String from,
			@NotNull @DefaultValue("2s") Duration relayInterval) {

	}

	public record Applications(@NotNull @DefaultValue("72h") Duration verifyWithin,
			@NotNull @DefaultValue("10m") Duration expiryInterval) {

	}

	/**
	 * @param realmUri the realm as this service reaches it, e.g.
	 * http://keycloak:8180/realms/biochemsec
	 * @param clientId the service account's client
	 * @param clientSecret its secret (BCS_NETWORK_CLIENT_SECRET)
	 * @param retryInterval how often accounts still to be made are retried
	 * @param timeout how long one call to Keycloak may take
	 */
	public record Accounts(@NotNull URI realmUri, @NotBlank @DefaultValue("network-service") String clientId, @NotBlank(
			message = "must be set: BCS_NETWORK_CLIENT_SECRET, the secret of the realm's network-service client") String clientSecret,
			@NotNull @DefaultValue("5s") Duration retryInterval, @NotNull @DefaultValue("5s") Duration timeout) {

	}

	/** An absolute link on the public site. */
	public String link(String path) {
		String base = this.publicUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
