package org.biochemsec2030.tracker.assessment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.tracker.Api;
import org.biochemsec2030.tracker.Developments;
import org.biochemsec2030.tracker.TrackerServiceTest;
import org.biochemsec2030.tracker.development.DevelopmentView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two analysts assess one development independently through the API; every change is a
 * version kept in PostgreSQL with who and when, and the development shows their spread.
 */
@TrackerServiceTest
@Import(Developments.class)
class AssessmentIT {

	@LocalServerPort
	int port;

	@Autowired
	Developments developments;

	@Autowired
	JdbcClient jdbc;

	@Test
	void analystsAssessIndependentlyAndEveryChangeIsAVersion() {
		DevelopmentView development = this.developments.of(
				"Benchtop synthesisers print longer oligonucleotides without a cloud check",
				"Devices assemble fragments locally.", "Vendors add offline screening to benchtop synthesis devices",
				"An industry group responds.");
		String base = "/api/tracker/v1/analysis/developments/" + development.id() + "/assessments";
		List<String> items = development.itemIds().stream().map(UUID::toString).toList();
		Api analyst = new Api(this.port, "analyst");
		Api admin = new Api(this.port, "admin");

		Api.Answer first = analyst.post(base, assessment(3, items.subList(0, 1), List.of("BWC-IV", "1540-OP3")));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().path("version").asInt()).isEqualTo(1);
		assertThat(first.json().path("assessorName").asString()).isEqualTo("analyst");
		assertThat(first.json().path("regimes").valueStream().map(JsonNode::asString)).containsExactly("BWC", "1540");
		assertThat(admin.post(base, assessment(7, items, List.of("BWC-IV"))).status()).isEqualTo(201);
		Api.Answer changed = admin.post(base, assessment(8, items, List.of("BWC-IV", "BWC-X")));
		assertThat(changed.json().path("version").asInt()).isEqualTo(2);

		JsonNode comparison = analyst.get(base).json();
		assertThat(comparison.path("assessments").valueStream().map(a -> a.path("assessorName").asString()))
			.containsExactly("analyst", "admin");
		JsonNode spread = comparison.path("spread");
		assertThat(spread.path("assessors").asInt()).isEqualTo(2);
		assertThat(spread.path("trl").path("min").asInt()).isEqualTo(3);
		assertThat(spread.path("trl").path("max").asInt()).isEqualTo(8);
		assertThat(spread.path("dissent").valueStream().map(JsonNode::asString)).contains(
				"They disagree on maturity (TRL): from 3 to 8 (analyst 3, admin 8).",
				"Only analyst judged it relevant to 1540.");
		assertThat(spread.has("average")).isFalse();

		JsonNode history = analyst.get(base + "/history").json();
		assertThat(history.valueStream().map(v -> v.path("assessorName").asString() + " v" + v.path("version").asInt()))
			.containsExactly("analyst v1", "admin v1", "admin v2");
		assertThat(history.get(1).path("trl").asInt()).as("an earlier version stays as it was").isEqualTo(7);
		assertThat(history.valueStream().map(v -> v.path("recordedAt").asString())).allMatch(at -> !at.isBlank());
		assertThat(this.jdbc.sql("select count(*) from assessment where development_id = :id")
			.param("id", development.id())
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void anAssessmentRestsOnTheDevelopmentsOwnItemsAndIsForAnalystsOnly() {
		DevelopmentView one = this.developments.of("Field trial of an aerosol detector network in a metro system",
				"Sensors alerted within minutes.");
		DevelopmentView other = this.developments.of("Retrosynthesis planner suggests routes for scheduled chemicals",
				"A benchmark of planning tools.");
		String base = "/api/tracker/v1/analysis/developments/" + one.id() + "/assessments";
		Api analyst = new Api(this.port, "analyst");
		Api.Answer foreign = analyst.post(base,
				assessment(5, List.of(other.itemIds().get(0).toString()), List.of("BWC-VII")));
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(foreign.json().path("errors").get(0).path("field").asString()).isEqualTo("itemIds");
		assertThat(analyst.get(base).json().path("assessments").size()).isZero();

		Api member = new Api(this.port, "member");
		assertThat(member.get(base).status()).isEqualTo(403);
		assertThat(member.post(base, Map.of()).status()).isEqualTo(403);
		assertThat(analyst.get("/api/tracker/v1/analysis/developments/" + UUID.randomUUID() + "/assessments").status())
			.isEqualTo(404);
	}

	private static Map<String, Object> assessment(int trl, List<String> items, List<String> provisions) {
		return Map.ofEntries(Map.entry("field", "synthetic-biology"), Map.entry("provisions", provisions),
				Map.entry("implications", List.of("risk", "governance-need")), Map.entry("trl", trl),
				Map.entry("likelihood", 3), Map.entry("impact", 4), Map.entry("confidence", "medium"),
				Map.entry("hardMeasures", List.of("Screening built into the device")),
				Map.entry("softMeasures", List.of("Guidance for device owners")),
				Map.entry("rationale", "The devices are sold today."), Map.entry("itemIds", items));
	}

}
