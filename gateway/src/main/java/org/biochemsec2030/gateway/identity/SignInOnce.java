package org.biochemsec2030.gateway.identity;

import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;

/**
 * After a successful sign-in (the session id has just been rotated by the security
 * context's save): gives the new session its CSRF token, then sends the browser back to
 * the page that asked for sign-in (the saved request), or to the home page.
 */
final class SignInOnce implements ServerAuthenticationSuccessHandler {

	private final RedirectServerAuthenticationSuccessHandler back = new RedirectServerAuthenticationSuccessHandler();

	SignInOnce(ServerRequestCache requests) {
		this.back.setRequestCache(requests);
	}

	@Override
	public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
		return exchange.getExchange()
			.getSession()
			.doOnNext(session -> SessionCsrfTokens.store(session, SessionCsrfTokens.newToken()))
			.then(this.back.onAuthenticationSuccess(exchange, authentication));
	}

}
