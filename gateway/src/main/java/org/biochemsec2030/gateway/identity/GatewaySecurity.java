package org.biochemsec2030.gateway.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.biochemsec2030.gateway.error.Refusal;
import org.biochemsec2030.gateway.limits.RateLimits;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.access.AccessDeniedException;
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
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

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

	static final String SIGN_IN_FAILED = "/login?error";

	/** Spring Boot's name for the management server's context. */
	static final String MANAGEMENT = "management";

	/** Where the session keeps the signed-in user (Spring Security's default name). */
	static final String SECURITY_CONTEXT = WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME;

	private static final Refusal STALE_FORM = new Refusal(HttpStatus.FORBIDDEN, "This form has expired",
			"The form was opened before your current session began (or on another page), so its security token "
					+ "no longer matches and nothing was saved. Reload the form, fill it in again and send it.");

	private static final Refusal SIGNED_OUT = new Refusal(HttpStatus.FORBIDDEN, "You were signed out",
			"Your session has ended, so the form could not be sent and nothing was saved. Sign in again, then "
					+ "reload the form and send it.",
			new Refusal.Action("Sign in again", SIGN_IN));

	private static final Refusal API_SIGN_IN = new Refusal(HttpStatus.UNAUTHORIZED, "Sign-in required",
			"This API needs a signed-in session or a bearer token.");

	/**
	 * The management server (management.server.port), which only the cluster reaches:
	 * probes and Prometheus read health, info and metrics there without signing in, and
	 * nothing else is served. Requests to the public port never match this chain, so
	 * there the rules below hold (metrics for admins), also when both ports are one.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain managementSecurityFilterChain(ServerHttpSecurity http) {
		http.securityMatcher(GatewaySecurity::onManagementServer)
			.authorizeExchange(exchanges -> exchanges
				.pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
						"/actuator/prometheus")
				.permitAll()
				.anyExchange()
				.denyAll())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint(new HttpStatusServerEntryPoint(HttpStatus.NOT_FOUND)))
			.headers(ServerHttpSecurity.HeaderSpec::disable);
		return http.build();
	}

	/** A request that the management server (its own child context) received. */
	private static Mono<ServerWebExchangeMatcher.MatchResult> onManagementServer(ServerWebExchange exchange) {
		return WebServerApplicationContext.hasServerNamespace(exchange.getApplicationContext(), MANAGEMENT)
				? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
	}

	@Bean
	SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, IdentityProperties identity,
			ReactiveClientRegistrationRepository registrations, RateLimits rateLimits) {
		var authorizationRequests = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
		// PKCE for the confidential client too: a stolen authorization code is useless.
		authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		var signOutAtKeycloak = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
		signOutAtKeycloak.setPostLogoutRedirectUri(identity.publicUrlWithoutSlash() + "/");
		// One request cache for the entry point that saves the page and the sign-in that
		// returns to it.
		var savedRequests = new SessionCookieOnly.SavedRequests();

		http.authorizeExchange(exchanges -> {
			if (identity.adminRoles() != null) {
				identity.adminRoles()
					.forEach((service, role) -> exchanges.pathMatchers("/admin/" + service, "/admin/" + service + "/**")
						.hasAnyRole(role, "admin"));
			}
			exchanges.pathMatchers("/admin", "/admin/**").hasRole("admin");
			// The gateway is the public address: metrics describe the suite's inside
			// (routes, services, error rates) and are for admins only. Actuator is on the
			// management port (above); these rules are for a gateway run with one port.
			exchanges.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
			exchanges.pathMatchers("/actuator", "/actuator/**").hasRole("admin");
			exchanges.pathMatchers("/account", "/account/**").authenticated();
			exchanges.anyExchange().permitAll();
		})
			.requestCache(cache -> cache.requestCache(savedRequests))
			.securityContextRepository(new SessionCookieOnly.SecurityContexts())
			.oauth2Login(login -> login.authorizationRequestResolver(authorizationRequests)
				.authenticationSuccessHandler(new SignInOnce(savedRequests))
				// A page in the site's layout (SignInFailedController), not a 404.
				.authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler(SIGN_IN_FAILED)))
			.logout(logout -> logout.logoutSuccessHandler(signOutAtKeycloak))
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(new StateChangeInSession())
				.csrfTokenRepository(new SessionCsrfTokens())
				.csrfTokenRequestHandler(new MultipartAwareCsrfTokenHandler())
				.accessDeniedHandler(GatewaySecurity::csrfRefused))
			// After the security context is known (the key of a signed-in user's limits),
			// before sign-in's own filters (sign-in is limited too).
			.addFilterAfter(rateLimits::filter, SecurityWebFiltersOrder.REACTOR_CONTEXT)
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint(savedRequests))
				// Rendered by the error pages (friendly HTML, or problem details for
				// APIs).
				.accessDeniedHandler((exchange,
						denied) -> Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
								"Your account does not have the role this page needs."))))
			// Written for every answer, errors before this chain included (SiteHeaders).
			.headers(ServerHttpSecurity.HeaderSpec::disable);
		return http.build();
	}

	/**
	 * A state-changing request whose CSRF token does not match: a form from before the
	 * session's sign-in (or another tab's), or one sent after the session ended.
	 */
	private static Mono<Void> csrfRefused(ServerWebExchange exchange, AccessDeniedException denied) {
		return exchange.getSession()
			.map(session -> session.getAttribute(SECURITY_CONTEXT) != null)
			.defaultIfEmpty(false)
			.flatMap(signedIn -> Mono.error(signedIn ? STALE_FORM : SIGNED_OUT));
	}

	/**
	 * APIs answer 401 (a program cannot follow a sign-in page); pages send the browser to
	 * sign in and come back afterwards.
	 */
	private static DelegatingServerAuthenticationEntryPoint entryPoint(ServerRequestCache savedRequests) {
		HttpHeaders bearer = new HttpHeaders();
		bearer.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		var api = new DelegateEntry(new PathPatternParserServerWebExchangeMatcher("/api/**"),
				(exchange, ex) -> Mono.error(API_SIGN_IN.withHeaders(bearer)));
		var entryPoint = new DelegatingServerAuthenticationEntryPoint(api);
		var signIn = new RedirectServerAuthenticationEntryPoint(SIGN_IN);
		signIn.setRequestCache(savedRequests);
		entryPoint.setDefaultEntryPoint(signIn);
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
