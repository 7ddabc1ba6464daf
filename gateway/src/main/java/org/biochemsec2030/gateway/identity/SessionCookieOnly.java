package org.biochemsec2030.gateway.identity;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads the session only for requests that carry its cookie. Spring Security loads the
 * security context and the saved request from the session on every request; for one
 * without a cookie that means creating a new, empty session first, and Spring Session's
 * Redis repository makes each new session on another thread (its id off the event loop,
 * then the rest of the request on the parallel scheduler). An anonymous reader's request
 * then crossed three threads to learn that nobody is signed in, which cost the gateway
 * more CPU than proxying it. Without the cookie there is no session to find, so the
 * answer (no one signed in, no saved page) is known at once. Writes (signing in, saving
 * the page to return to) still create the session as before.
 */
final class SessionCookieOnly {

	private SessionCookieOnly() {
	}

	static boolean inSession(ServerWebExchange exchange) {
		return exchange.getRequest().getCookies().containsKey(Sessions.COOKIE);
	}

	/** The signed-in user, from the session when there is one. */
	static final class SecurityContexts implements ServerSecurityContextRepository {

		private final WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();

		@Override
		public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
			return this.sessions.save(exchange, context);
		}

		@Override
		public Mono<SecurityContext> load(ServerWebExchange exchange) {
			return inSession(exchange) ? this.sessions.load(exchange) : Mono.empty();
		}

	}

	/** The page to return to after sign-in, from the session when there is one. */
	static final class SavedRequests implements ServerRequestCache {

		private final WebSessionServerRequestCache sessions = new WebSessionServerRequestCache();

		@Override
		public Mono<Void> saveRequest(ServerWebExchange exchange) {
			return this.sessions.saveRequest(exchange);
		}

		@Override
		public Mono<URI> getRedirectUri(ServerWebExchange exchange) {
			return inSession(exchange) ? this.sessions.getRedirectUri(exchange) : Mono.empty();
		}

		@Override
		public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
			return inSession(exchange) ? this.sessions.removeMatchingRequest(exchange) : Mono.empty();
		}

	}

}
