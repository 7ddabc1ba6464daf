package org.biochemsec2030.platform.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is acting: the user (or partner client) of the current request's token, or the
 * service itself for scheduled and event-driven work.
 *
 * @param id the token's subject (a stable user id), or {@code system:<what>}
 * @param name the user name to show (preferred_username, or the client id)
 * @param roles the realm roles
 */
public record Actor(String id, String name, List<String> roles) {

	public static Actor system(String what) {
		return new Actor("system:" + what, what, List.of());
	}

	/** The actor of the current request, or empty outside an authenticated request. */
	public static java.util.Optional<Actor> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			var jwt = token.getToken();
			String name = jwt.getClaimAsString("preferred_username");
			if (name == null) {
				name = jwt.getClaimAsString("azp");
			}
			return java.util.Optional.of(new Actor(jwt.getSubject(), name, Roles.of(jwt)));
		}
		return java.util.Optional.empty();
	}

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

}
