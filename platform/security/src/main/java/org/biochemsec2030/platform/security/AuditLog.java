package org.biochemsec2030.platform.security;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed what, in the service's own database (table {@code audit_log}, shipped with
 * service-defaults). Call it inside the write's transaction: the change and its record
 * commit or roll back together.
 */
public class AuditLog {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	public AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records an action of the current request's user on a target such as
	 * {@code post:42}. Outside a request (a scheduler, an event consumer) use
	 * {@link #record(Actor, String, String, Map)}.
	 */
	public void record(String action, String target, Map<String, ?> detail) {
		Actor actor = Actor.current()
			.orElseThrow(() -> new IllegalStateException("No signed-in user to audit for " + action + " " + target));
		record(actor, action, target, detail);
	}

	public void record(Actor actor, String action, String target, Map<String, ?> detail) {
		jdbc.sql("insert into audit_log (actor, action, target, detail) values (?, ?, ?, cast(? as jsonb))")
			.params(actor.id(), action, target, JSON.writeValueAsString(Map.of("by", actor.name(), "detail", detail)))
			.update();
	}

}
