package org.biochemsec2030.gateway.identity;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCookieOnlyTests {

	private final AtomicInteger sessionsAskedFor = new AtomicInteger();

	private final InMemoryWebSessionStore store = new InMemoryWebSessionStore();

	/**
	 * Counts the sessions looked up (the exchange asks for its Mono up front, lazily).
	 */
	private final WebSessionManager sessions = exchange -> Mono.defer(() -> {
		this.sessionsAskedFor.incrementAndGet();
		return this.store.createWebSession();
	});

	private ServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
		return MockServerWebExchange.builder(request.build()).sessionManager(this.sessions).build();
	}

	@Test
	void aRequestWithoutTheCookieIsAnsweredWithoutASession() {
		ServerWebExchange anonymous = exchange(MockServerHttpRequest.get("/api/content/v1/posts"));

		assertThat(new SessionCookieOnly.SecurityContexts().load(anonymous).blockOptional()).isEmpty();
		assertThat(new SessionCookieOnly.SavedRequests().removeMatchingRequest(anonymous).blockOptional()).isEmpty();
		assertThat(new SessionCookieOnly.SavedRequests().getRedirectUri(anonymous).blockOptional()).isEmpty();
		assertThat(this.sessionsAskedFor).hasValue(0);
	}

	@Test
	void aRequestWithTheCookieReadsItsSession() {
		ServerWebExchange inSession = exchange(
				MockServerHttpRequest.get("/account").cookie(new HttpCookie("SESSION", "x")));

		assertThat(new SessionCookieOnly.SecurityContexts().load(inSession).blockOptional()).isEmpty();
		assertThat(this.sessionsAskedFor).hasValue(1);
	}

	@Test
	void savingThePageToReturnToStillMakesTheSession() {
		ServerWebExchange anonymous = exchange(MockServerHttpRequest.get("/account").header("Accept", "text/html"));

		new SessionCookieOnly.SavedRequests().saveRequest(anonymous).block();

		WebSession session = anonymous.getSession().block();
		assertThat(session.getAttributes()).containsKey(SignInReturn.SAVED_REQUEST);
		assertThat(this.sessionsAskedFor).hasValue(1);
	}

}
