package org.biochemsec2030.network.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.biochemsec2030.network.support.NetworkProperties;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * The few calls of Keycloak's Admin API that make a member's account, as the realm's
 * {@code network-service} client (client credentials; its service account may manage
 * users and nothing else). Each call is safe to repeat: a user is looked up by name
 * before one is made, and giving a role twice gives it once.
 */
@Component
class KeycloakAdmin {

	private final RestClient http;

	private final NetworkProperties.Accounts accounts;

	private final String adminBase;

	KeycloakAdmin(NetworkProperties properties) {
		this.accounts = properties.accounts();
		HttpClient client = HttpClient.newBuilder().connectTimeout(this.accounts.timeout()).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(this.accounts.timeout());
		this.http = RestClient.builder().requestFactory(requests).build();
		String realm = this.accounts.realmUri().toString().replaceAll("/+$", "");
		this.adminBase = realm.replaceFirst("/realms/([^/]+)$", "/admin/realms/$1");
	}

	/** A person to make an account for. */
	record Person(String username, String email, String givenName, String familyName) {

	}

	/**
	 * The id of the user with this name, made now (enabled, address already confirmed by
	 * the application, asked to choose a password) if there is none.
	 */
	String ensureUser(Person person) {
		String token = token();
		Optional<String> existing = find(token, person.username());
		if (existing.isPresent()) {
			return existing.get();
		}
		Map<String, Object> user = Map.of("username", person.username(), "email", person.email(), "firstName",
				person.givenName(), "lastName", person.familyName(), "enabled", true, "emailVerified", true,
				"requiredActions", List.of("UPDATE_PASSWORD"));
		try {
			this.http.post()
				.uri(URI.create(this.adminBase + "/users"))
				.headers(h -> h.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON)
				.body(user)
				.retrieve()
				.toBodilessEntity();
		}
		catch (HttpClientErrorException ex) {
			// Made meanwhile (another replica, or an answer lost on the way back): use
			// it.
			if (ex.getStatusCode() != HttpStatus.CONFLICT) {
				throw ex;
			}
		}
		return find(token, person.username())
			.orElseThrow(() -> new IllegalStateException("Keycloak made no user " + person.username()));
	}

	/** Gives the user a realm role (no change if they have it). */
	void grantRealmRole(String userId, String role) {
		String token = token();
		JsonNode available = this.http.get()
			.uri(URI.create(this.adminBase + "/users/" + userId + "/role-mappings/realm/available"))
			.headers(h -> h.setBearerAuth(token))
			.retrieve()
			.body(JsonNode.class);
		for (JsonNode candidate : available) {
			if (role.equals(candidate.path("name").asString())) {
				this.http.post()
					.uri(URI.create(this.adminBase + "/users/" + userId + "/role-mappings/realm"))
					.headers(h -> h.setBearerAuth(token))
					.contentType(MediaType.APPLICATION_JSON)
					.body(List.of(Map.of("id", candidate.path("id").asString(), "name", role)))
					.retrieve()
					.toBodilessEntity();
				return;
			}
		}
		// Not available: the user has it already.
	}

	/**
	 * Deletes the account (erasure): by its id when it is known, else every user of that
	 * name. An account already gone counts as deleted.
	 */
	void deleteUser(String userId, String username) {
		String token = token();
		List<String> ids = new java.util.ArrayList<>();
		if (userId != null) {
			ids.add(userId);
		}
		else if (username != null) {
			find(token, username).ifPresent(ids::add);
		}
		for (String id : ids) {
			try {
				this.http.delete()
					.uri(URI.create(this.adminBase + "/users/" + id))
					.headers(h -> h.setBearerAuth(token))
					.retrieve()
					.toBodilessEntity();
			}
			catch (HttpClientErrorException ex) {
				if (ex.getStatusCode() != HttpStatus.NOT_FOUND) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Disables the account (the member left): by its id when it is known, else the user
	 * of that name. An account that does not exist needs nothing.
	 */
	void disableUser(String userId, String username) {
		String token = token();
		String id = (userId != null) ? userId : (username != null) ? find(token, username).orElse(null) : null;
		if (id == null) {
			return;
		}
		try {
			this.http.put()
				.uri(URI.create(this.adminBase + "/users/" + id))
				.headers(h -> h.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("enabled", false))
				.retrieve()
				.toBodilessEntity();
		}
		catch (HttpClientErrorException ex) {
			if (ex.getStatusCode() != HttpStatus.NOT_FOUND) {
				throw ex;
			}
		}
	}

	/** Keycloak's own mail asking the user to choose a password (valid three days). */
	void sendPasswordInvitation(String userId) {
		String token = token();
		this.http.put()
			.uri(URI.create(this.adminBase + "/users/" + userId + "/execute-actions-email?lifespan=259200"))
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(List.of("UPDATE_PASSWORD"))
			.retrieve()
			.toBodilessEntity();
	}

	private Optional<String> find(String token, String username) {
		JsonNode users = this.http.get()
			.uri(URI.create(this.adminBase + "/users?exact=true&briefRepresentation=true&username="
					+ java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8)))
			.headers(h -> h.setBearerAuth(token))
			.retrieve()
			.body(JsonNode.class);
		for (JsonNode user : users) {
			if (username.equalsIgnoreCase(user.path("username").asString())) {
				return Optional.of(user.path("id").asString());
			}
		}
		return Optional.empty();
	}

	private String token() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		form.add("client_id", this.accounts.clientId());
		form.add("client_secret", this.accounts.clientSecret());
		JsonNode answer = this.http.post()
			.uri(URI
				.create(this.accounts.realmUri().toString().replaceAll("/+$", "") + "/protocol/openid-connect/token"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.body(JsonNode.class);
		return answer.path("access_token").asString();
	}

}
