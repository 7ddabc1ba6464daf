package org.biochemsec2030.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tokens from the real Keycloak of {@link Engines#keycloak()}: a demo user's (by password
 * grant through a client that exists only in tests) and a client's own (client
 * credentials, as partners use). Demo users are named after their role and have the
 * password {@code demo-<name>} (infra/keycloak/demo).
 */
public final class Identity {

	public static final String REALM = "biochemsec";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Identity() {
	}

	/**
	 * The address tests and browsers use for Keycloak, e.g.
	 * {@code http://localhost:32811}.
	 */
	public static String keycloakUri() {
		var keycloak = Engines.keycloak();
		return "http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8180);
	}

	public static String issuer() {
		return keycloakUri() + "/realms/" + REALM;
	}

	public static String jwkSetUri() {
		return issuer() + "/protocol/openid-connect/certs";
	}

	/** The port a gateway under test must listen on to match the realm's redirect URI. */
	public static int gatewayPort() {
		Engines.keycloak();
		return KeycloakEngine.GATEWAY_PORT;
	}

	public static String gatewayClientSecret() {
		return KeycloakEngine.GATEWAY_SECRET;
	}

	public static String networkClientSecret() {
		return KeycloakEngine.NETWORK_SECRET;
	}

	/**
	 * An access token of the demo user {@code user} (editor, analyst, member, admin...).
	 */
	public static String tokenFor(String user) {
		return tokenFor(user, "demo-" + user);
	}

	public static String tokenFor(String user, String password) {
		return token(Map.of("grant_type", "password", "client_id", "bcs-test", "username", user, "password", password,
				"scope", "openid"));
	}

	/** A demo user's access token that expires two seconds after it is issued. */
	public static String shortLivedTokenFor(String user) {
		return token(Map.of("grant_type", "password", "client_id", "bcs-test-short", "username", user, "password",
				"demo-" + user, "scope", "openid"));
	}

	/** The token a partner system gets with its client credentials. */
	public static String clientToken(String clientId, String secret) {
		return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
	}

	public static String partnerToken() {
		return clientToken("partner-demo", "demo-partner-demo");
	}

	/** The client id of a second partner's system, which exists only in tests. */
	public static final String OTHER_PARTNER_CLIENT = "bcs-test-partner";

	/** The token of that second partner's system. */
	public static String otherPartnerToken() {
		return clientToken(OTHER_PARTNER_CLIENT, "test-partner-secret");
	}

	private static String token(Map<String, String> form) {
		JsonNode response = post(issuer() + "/protocol/openid-connect/token", form);
		return response.get("access_token").asString();
	}

	static void partialImport(String base, String json) {
		String admin = post(base + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
				"client_id", "admin-cli", "username", KeycloakEngine.ADMIN, "password", KeycloakEngine.ADMIN_PASSWORD))
			.get("access_token")
			.asString();
		var request = HttpRequest.newBuilder(URI.create(base + "/admin/realms/" + REALM + "/partialImport"))
			.header("Authorization", "Bearer " + admin)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		send(request);
	}

	private static JsonNode post(String uri, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		// A bound on the wait: a test that asks while Keycloak is paused fails instead of
		// hanging.
		var request = HttpRequest.newBuilder(URI.create(uri))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return JSON.readTree(send(request));
	}

	private static String send(HttpRequest request) {
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException(
						request.uri() + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
