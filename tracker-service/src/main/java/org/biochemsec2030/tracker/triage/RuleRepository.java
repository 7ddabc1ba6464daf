package org.biochemsec2030.tracker.triage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.tracker.support.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RuleRepository {

	private final JdbcClient jdbc;

	RuleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(TriageRule rule, Instant now, String by) {
		bind(this.jdbc.sql("""
				insert into triage_rule (id, name, field, kind, pattern, action, value, position, enabled,
				                         created_at, created_by)
				values (:id, :name, :field, :kind, :pattern, :action, :value, :position, :enabled, :now, :by)"""), rule)
			.param("enabled", rule.enabled())
			.param("now", Jdbc.timestamp(now))
			.param("by", by)
			.update();
	}

	void update(TriageRule rule) {
		bind(this.jdbc.sql("""
				update triage_rule set name = :name, field = :field, kind = :kind, pattern = :pattern,
				       action = :action, value = :value, position = :position
				where id = :id"""), rule).update();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, TriageRule rule) {
		return statement.param("id", rule.id())
			.param("name", rule.name())
			.param("field", rule.field().key())
			.param("kind", rule.kind().key())
			.param("pattern", rule.pattern())
			.param("action", rule.action().key())
			.param("value", rule.value())
			.param("position", rule.position());
	}

	Optional<TriageRule> find(UUID id) {
		return this.jdbc.sql(SELECT + " where id = :id").param("id", id).query(RuleRepository::rule).optional();
	}

	boolean setEnabled(UUID id, boolean enabled) {
		return this.jdbc.sql("update triage_rule set enabled = :enabled where id = :id")
			.param("id", id)
			.param("enabled", enabled)
			.update() == 1;
	}

	boolean delete(UUID id) {
		return this.jdbc.sql("delete from triage_rule where id = :id").param("id", id).update() == 1;
	}

	int nextPosition() {
		return this.jdbc.sql("select coalesce(max(position), 0) + 10 from triage_rule").query(Integer.class).single();
	}

	List<TriageRule> all() {
		return this.jdbc.sql(SELECT + " order by position, created_at, id").query(RuleRepository::rule).list();
	}

	private static final String SELECT = """
			select id, name, field, kind, pattern, action, value, position, enabled from triage_rule""";

	private static TriageRule rule(ResultSet rs, int row) throws SQLException {
		return new TriageRule(rs.getObject("id", UUID.class), rs.getString("name"),
				TriageRule.Field.valueOf(rs.getString("field").toUpperCase(Locale.ROOT)),
				TriageRule.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("pattern"),
				TriageRule.Action.valueOf(rs.getString("action").toUpperCase(Locale.ROOT)), rs.getString("value"),
				rs.getInt("position"), rs.getBoolean("enabled"));
	}

}
