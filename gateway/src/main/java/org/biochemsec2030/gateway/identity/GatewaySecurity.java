package org.biochemsec2030.gateway.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ResponseStatusException;

/**
 * The gateway holds the browser session: sign-in with the realm (authorization code with
 * PKCE), sign-out at Keycloak too, CSRF checks on state-changing browser requests, and
 * coarse access rules for the admin tools. The services check tokens and roles again
 * themselves; these rules are the first line, and what turns an anonymous visit to an
 * admin page into a sign-in.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class GatewaySecurity {

	static final String SIGN_IN = "/oauth2/authorization/" + RealmClientRegistration.REGISTRATION_ID;

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self' %s; frame-ancestors 'none'";

	@Bean
	SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, IdentityProperties identity,
			ReactiveClientRegistrationRepository registrations) {
		var authorizationRequests = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
		// PKCE for the confidential client too: a stolen authorization code is useless.
		authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		var signOutAtKeycloak = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
		signOutAtKeycloak.setPostLogoutRedirectUri(identity.publicUrlWithoutSlash() + "/");

		http.authorizeExchange(exchanges -> {
			if (identity.adminRoles() != null) {
				identity.adminRoles()
					.forEach((service, role) -> exchanges.pathMatchers("/admin/" + service, "/admin/" + service + "/**")
						.hasAnyRole(role, "admin"));
			}
			exchanges.pathMatchers("/admin", "/admin/**").hasRole("admin");
			// The gateway is the public address: probes stay open, but metrics describe
			// the
			// suite's inside (routes, services, error rates) and are for admins only.
			exchanges.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
			exchanges.pathMatchers("/actuator", "/actuator/**").hasRole("admin");
			exchanges.pathMatchers("/account", "/account/**").authenticated();
			exchanges.anyExchange().permitAll();
		})
			.oauth2Login(login -> login.authorizationRequestResolver(authorizationRequests))
			.logout(logout -> logout.logoutSuccessHandler(signOutAtKeycloak))
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(new StateChangeInSession())
				.csrfTokenRequestHandler(new MultipartAwareCsrfTokenHandler()))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint())
				// Rendered by the error pages (friendly HTML, or problem details for
				// APIs).
				.accessDeniedHandler((exchange,
						denied) -> Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
								"Your account does not have the role this page needs."))))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp
					.policyDirectives(CONTENT_SECURITY_POLICY.formatted(identity.issuerUri().resolve("/").toString())))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(frame -> frame.mode(Mode.DENY)));
		return http.build();
	}

	/**
	 * APIs answer 401 (a program cannot follow a sign-in page); pages send the browser to
	 * sign in and come back afterwards.
	 */
	private static DelegatingServerAuthenticationEntryPoint entryPoint() {
		var api = new DelegateEntry(new PathPatternParserServerWebExchangeMatcher("/api/**"),
				new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED));
		var entryPoint = new DelegatingServerAuthenticationEntryPoint(api);
		entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(SIGN_IN));
		return entryPoint;
	}

	/**
	 * The realm's roles arrive in the ID token's {@code roles} claim (a mapper on the
	 * gateway client) and become ROLE_ authorities for the access rules above.
	 */
	@Bean
	GrantedAuthoritiesMapper realmRoles() {
		return authorities -> {
			List<GrantedAuthority> mapped = new ArrayList<>(authorities);
			for (GrantedAuthority authority : authorities) {
				if (authority instanceof OidcUserAuthority oidc
						&& oidc.getIdToken().getClaim("roles") instanceof Collection<?> roles) {
					roles.forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
				}
			}
			return mapped;
		};
	}

	/**
	 * CSRF matters where a browser sends ambient credentials: a state-changing request
	 * that carries the session cookie. Requests without a session (anonymous forms, a
	 * partner's bearer-token call) carry no authority a forged request could borrow.
	 */
	static final class StateChangeInSession implements ServerWebExchangeMatcher {

		private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
				HttpMethod.TRACE);

		@Override
		public Mono<MatchResult> matches(org.springframework.web.server.ServerWebExchange exchange) {
			boolean stateChange = !SAFE.contains(exchange.getRequest().getMethod());
			boolean inSession = exchange.getRequest().getCookies().containsKey(Sessions.COOKIE);
			return stateChange && inSession ? MatchResult.match() : MatchResult.notMatch();
		}

	}

}
