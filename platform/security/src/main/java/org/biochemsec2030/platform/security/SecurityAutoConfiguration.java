package org.biochemsec2030.platform.security;

import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.client.RestTemplate;

/**
 * Every service is an OAuth2 resource server of the realm. Requests arrive through the
 * gateway carrying the user's access token (or a partner's); the service checks it
 * itself, so a request sent straight to a service is held to the same rules. Path rules
 * here are coarse (admin tool, partner API, writes need a token); each write names its
 * role with method security.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableMethodSecurity
public class SecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(SecurityProperties properties) {
		// Keys are fetched on first use and cached; nothing is fetched at start-up. The
		// fetch has its own short time limits: without them a Keycloak that does not
		// answer would hold every request with an uncached key open indefinitely.
		SimpleClientHttpRequestFactory keySetRequests = new SimpleClientHttpRequestFactory();
		keySetRequests.setConnectTimeout(properties.keySetTimeout());
		keySetRequests.setReadTimeout(properties.keySetTimeout());
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.keySetUri().toString())
			.restOperations(new RestTemplate(keySetRequests))
			.build();
		OAuth2TokenValidator<Jwt> audience = jwt -> {
			List<String> audiences = jwt.getAudience();
			return audiences != null && audiences.contains(properties.audience()) ? OAuth2TokenValidatorResult.success()
					: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
							"The token is not meant for the suite (audience " + properties.audience() + ")", null));
		};
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(properties.clockSkew()),
				new JwtIssuerValidator(properties.issuerUri().toString()), audience));
		return decoder;
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain bcsSecurityFilterChain(HttpSecurity http, SecurityProperties properties) throws Exception {
		ProblemResponses problems = new ProblemResponses();
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(Roles::authorities);
		converter.setPrincipalClaimName("sub");
		http.authorizeHttpRequests(requests -> requests
			// An error dispatch only renders the answer to a request already let in or
			// refused (/error of the original request): it must not be refused again as
			// a POST without a token, which would turn every 4xx of a write into a 401.
			.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			// Probes and metrics stay reachable for the platform; the gateway does not
			// route
			// /actuator, and everything else under it is for admins.
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole(Roles.ADMIN)
			.requestMatchers("/admin/**")
			.hasAnyRole(properties.adminToolRoles())
			.requestMatchers("/api/*/partner/**")
			.hasRole(Roles.PARTNER)
			.requestMatchers(anonymousPosts(properties))
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/**")
			.permitAll()
			.requestMatchers(HttpMethod.HEAD, "/**")
			.permitAll()
			.requestMatchers(HttpMethod.OPTIONS, "/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems)
				// By default a token that cannot be checked because the realm's keys
				// cannot be fetched escapes as a 500; it is the identity provider that
				// is unavailable, and the client may retry.
				.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
					@Override
					public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationFailureHandler(problems);
						return filter;
					}
				}))
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			// No cookies and no session: every request carries its bearer token, so there
			// is
			// no ambient authority for a cross-site request to ride on. CSRF is enforced
			// at
			// the gateway, which holds the browser session.
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(frame -> frame.deny())
				.permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY))
				.crossOriginOpenerPolicy(opener -> opener.policy(CrossOriginOpenerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/** The POSTs a service opens to the public (none unless it names them). */
	private static RequestMatcher anonymousPosts(SecurityProperties properties) {
		List<RequestMatcher> matchers = properties.anonymousPosts()
			.stream()
			.<RequestMatcher>map(path -> PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path))
			.toList();
		return matchers.isEmpty() ? request -> false : new OrRequestMatcher(matchers);
	}

	@Bean
	@ConditionalOnMissingBean
	PageModel bcsPageModel() {
		return new PageModel();
	}

	@Bean
	@ConditionalOnBean(JdbcClient.class)
	@ConditionalOnMissingBean
	AuditLog auditLog(JdbcClient jdbc) {
		return new AuditLog(jdbc);
	}

}
