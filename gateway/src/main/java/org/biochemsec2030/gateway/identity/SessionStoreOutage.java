package org.biochemsec2030.gateway.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionStore;

/**
 * Redis down must not take the site down: anonymous readers need no session at all, and a
 * signed-in user whose session cannot be read is treated as signed out (the pages they
 * may read, as anyone; a page that needs them signed in sends them to sign in again),
 * never a 500. So the session store's failures are absorbed here: a session that cannot
 * be read is no session, one that cannot be saved is lost (logged). Spring Session's
 * store is wrapped where Boot wires it into the session manager.
 */
@Component
class SessionStoreOutage implements BeanPostProcessor {

	private static final Logger log = LoggerFactory.getLogger(SessionStoreOutage.class);

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DefaultWebSessionManager manager && !(manager.getSessionStore() instanceof Resilient)) {
			manager.setSessionStore(new Resilient(manager.getSessionStore()));
		}
		return bean;
	}

	static boolean storeUnreachable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessException
					|| cause.getClass().getName().startsWith("io.lettuce.core.Redis")) {
				return true;
			}
		}
		return false;
	}

	record Resilient(WebSessionStore store) implements WebSessionStore {

		@Override
		public Mono<WebSession> createWebSession() {
			return this.store.createWebSession().map(Guarded::new);
		}

		@Override
		public Mono<WebSession> retrieveSession(String sessionId) {
			return this.store.retrieveSession(sessionId)
				.<WebSession>map(Guarded::new)
				.onErrorResume(SessionStoreOutage::storeUnreachable, ex -> {
					log.warn("Session store unreachable; the request goes on without its session: {}", ex.toString());
					return Mono.empty();
				});
		}

		@Override
		public Mono<Void> removeSession(String sessionId) {
			return this.store.removeSession(sessionId).onErrorResume(SessionStoreOutage::storeUnreachable, ex -> {
				log.warn("Session store unreachable; a session could not be removed: {}", ex.toString());
				return Mono.empty();
			});
		}

		@Override
		public Mono<WebSession> updateLastAccessTime(WebSession webSession) {
			WebSession inner = (webSession instanceof Guarded guarded) ? guarded.session : webSession;
			return this.store.updateLastAccessTime(inner).map(Guarded::new);
		}

	}

	/**
	 * A session whose writes to the store fail quietly (logged) instead of failing the
	 * answer.
	 */
	record Guarded(WebSession session) implements WebSession {

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.session.getAttributes();
		}

		@Override
		public void start() {
			this.session.start();
		}

		@Override
		public boolean isStarted() {
			return this.session.isStarted();
		}

		@Override
		public Mono<Void> changeSessionId() {
			return quietly(this.session.changeSessionId(), "its id could not be changed");
		}

		@Override
		public Mono<Void> invalidate() {
			return quietly(this.session.invalidate(), "it could not be invalidated");
		}

		@Override
		public Mono<Void> save() {
			return quietly(this.session.save(), "it was not saved");
		}

		@Override
		public boolean isExpired() {
			return this.session.isExpired();
		}

		@Override
		public Instant getCreationTime() {
			return this.session.getCreationTime();
		}

		@Override
		public Instant getLastAccessTime() {
			return this.session.getLastAccessTime();
		}

		@Override
		public void setMaxIdleTime(Duration maxIdleTime) {
			this.session.setMaxIdleTime(maxIdleTime);
		}

		@Override
		public Duration getMaxIdleTime() {
			return this.session.getMaxIdleTime();
		}

		private static Mono<Void> quietly(Mono<Void> write, String outcome) {
			return write.onErrorResume(SessionStoreOutage::storeUnreachable, ex -> {
				log.warn("Session store unreachable; {}: {}", outcome, ex.toString());
				return Mono.empty();
			});
		}

	}

}
