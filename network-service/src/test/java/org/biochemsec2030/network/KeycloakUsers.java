package org.biochemsec2030.network;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.biochemsec2030.platform.test.Identity;
import tools.jackson.databind.JsonNode;

/**
 * What the realm holds about users, read through the Admin API with the network-service
 * client's own credentials (the test looks where the service wrote).
 */
public final class KeycloakUsers {

	private KeycloakUsers() {
	}

	/** The users whose name is exactly this (any case). */
	public static List<JsonNode> named(String username) {
		JsonNode users = get("/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8));
		List<JsonNode> found = new ArrayList<>();
		users.forEach(found::add);
		return found;
	}

	public static List<String> realmRoles(String userId) {
		List<String> roles = new ArrayList<>();
		get("/users/" + userId + "/role-mappings/realm").forEach(role -> roles.add(role.path("name").asString()));
		return roles;
	}

	private static JsonNode get(String path) {
		String token = Identity.clientToken("network-service", Identity.networkClientSecret());
		Api.Response response = Api
			.send(HttpRequest.newBuilder(URI.create(Identity.keycloakUri() + "/admin/realms/" + Identity.REALM + path))
				.header("Authorization", "Bearer " + token)
				.GET());
		if (response.status() != 200) {
			throw new IllegalStateException(path + " answered " + response.status() + ": " + response.body());
		}
		return response.json();
	}

}
