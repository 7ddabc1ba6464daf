package org.biochemsec2030.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** The realm roles, and how a token's roles become Spring Security authorities. */
public final class Roles {

	public static final String MEMBER = "member";

	public static final String EDITOR = "editor";

	public static final String COORDINATOR = "coordinator";

	public static final String ANALYST = "analyst";

	public static final String PUBLISHER = "publisher";

	public static final String ADMIN = "admin";

	public static final String PARTNER = "partner";

	private Roles() {
	}

	/** Keycloak puts realm roles in {@code realm_access.roles}. */
	public static List<String> of(Jwt jwt) {
		Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
		if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
			return List.of();
		}
		return roles.stream().map(String::valueOf).toList();
	}

	static Collection<GrantedAuthority> authorities(Jwt jwt) {
		return of(jwt).stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
	}

}
