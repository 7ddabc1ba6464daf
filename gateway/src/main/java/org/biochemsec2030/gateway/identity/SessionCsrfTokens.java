package org.biochemsec2030.gateway.identity;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.WebSessionServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

/**
 * The session's CSRF token, kept in the session as Spring Security's
 * {@link WebSessionServerCsrfTokenRepository} keeps it (same attribute), but without
 * changing the session id when a token is stored. That repository rotates the id on every
 * save; with the token made lazily on first use, the first requests after sign-in (a page
 * and its script, two tabs) each made a token and each rotated the id, and every request
 * but the last one to finish left the browser with a cookie for a session that no longer
 * existed: signed out. Here the id rotates once, at sign-in (the security context's
 * save), and a fresh token is stored in that same step ({@link SignInOnce}), so later
 * requests only read it.
 */
final class SessionCsrfTokens implements ServerCsrfTokenRepository {

	static final String ATTRIBUTE = WebSessionServerCsrfTokenRepository.class.getName() + ".CSRF_TOKEN";

	static final String HEADER = "X-CSRF-TOKEN";

	static final String PARAMETER = "_csrf";

	@Override
	public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
		return Mono.fromSupplier(SessionCsrfTokens::newToken);
	}

	static CsrfToken newToken() {
		return new DefaultCsrfToken(HEADER, PARAMETER, UUID.randomUUID().toString());
	}

	@Override
	public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
		return exchange.getSession().doOnNext(session -> store(session, token)).then();
	}

	static void store(WebSession session, CsrfToken token) {
		if (token == null) {
			session.getAttributes().remove(ATTRIBUTE);
		}
		else {
			session.getAttributes().put(ATTRIBUTE, token);
		}
	}

	@Override
	public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
		return exchange.getSession().mapNotNull(session -> session.getAttribute(ATTRIBUTE));
	}

}
