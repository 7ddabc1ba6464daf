package org.biochemsec2030.tracker.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.biochemsec2030.tracker.support.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows are only ever inserted: a change is a new version. */
@Repository
class AssessmentRepository {

	private final JdbcClient jdbc;

	AssessmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	int lastVersion(UUID developmentId, String assessorId) {
		return this.jdbc
			.sql("select coalesce(max(version), 0) from assessment where development_id = :d and assessor_id = :a")
			.param("d", developmentId)
			.param("a", assessorId)
			.query(Integer.class)
			.single();
	}

	void insert(Assessment a) {
		this.jdbc.sql("""
				insert into assessment (development_id, assessor_id, assessor_name, version, recorded_at, field,
				                        provisions, implications, trl, likelihood, impact, confidence, hard_measures,
				                        soft_measures, rationale, item_ids)
				values (:development, :assessor, :name, :version, :at, :field, :provisions, :implications, :trl,
				        :likelihood, :impact, :confidence, :hard, :soft, :rationale, :items)""")
			.param("development", a.developmentId())
			.param("assessor", a.assessorId())
			.param("name", a.assessorName())
			.param("version", a.version())
			.param("at", Jdbc.timestamp(a.recordedAt()))
			.param("field", a.field())
			.param("provisions", Jdbc.array(a.provisions()))
			.param("implications", Jdbc.array(a.implications()))
			.param("trl", a.trl())
			.param("likelihood", a.likelihood())
			.param("impact", a.impact())
			.param("confidence", a.confidence())
			.param("hard", Jdbc.array(a.hardMeasures()))
			.param("soft", Jdbc.array(a.softMeasures()))
			.param("rationale", a.rationale())
			.param("items", a.itemIds().toArray(UUID[]::new))
			.update();
	}

	/** The latest version of each analyst's assessment, first assessor first. */
	List<Assessment> current(UUID developmentId) {
		return this.jdbc.sql(SELECT + "\n" + """
				where development_id = :d and (assessor_id, version) in (
				    select assessor_id, max(version) from assessment where development_id = :d group by assessor_id)
				order by (select min(recorded_at) from assessment f
				          where f.development_id = a.development_id and f.assessor_id = a.assessor_id), assessor_id""")
			.param("d", developmentId)
			.query(AssessmentRepository::assessment)
			.list();
	}

	/** Every version, oldest first. */
	List<Assessment> history(UUID developmentId) {
		return this.jdbc.sql(SELECT + " where development_id = :d order by recorded_at, assessor_id, version")
			.param("d", developmentId)
			.query(AssessmentRepository::assessment)
			.list();
	}

	private static final String SELECT = """
			select development_id, assessor_id, assessor_name, version, recorded_at, field, provisions, implications,
			       trl, likelihood, impact, confidence, hard_measures, soft_measures, rationale, item_ids
			from assessment a""";

	private static Assessment assessment(ResultSet rs, int row) throws SQLException {
		List<String> provisions = Jdbc.list(rs, "provisions");
		return new Assessment(rs.getObject("development_id", UUID.class), rs.getString("assessor_id"),
				rs.getString("assessor_name"), rs.getInt("version"), Jdbc.instant(rs, "recorded_at"),
				rs.getString("field"), AssessmentRules.regimesOf(provisions), provisions, Jdbc.list(rs, "implications"),
				rs.getInt("trl"), rs.getInt("likelihood"), rs.getInt("impact"), rs.getString("confidence"),
				Jdbc.list(rs, "hard_measures"), Jdbc.list(rs, "soft_measures"), rs.getString("rationale"),
				Arrays.asList((UUID[]) rs.getArray("item_ids").getArray()));
	}

}
