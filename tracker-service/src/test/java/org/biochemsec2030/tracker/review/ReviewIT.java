package org.biochemsec2030.tracker.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.biochemsec2030.platform.test.Http;
import org.biochemsec2030.tracker.Analysis;
import org.biochemsec2030.tracker.Api;
import org.biochemsec2030.tracker.Developments;
import org.biochemsec2030.tracker.TrackerServiceTest;
import org.biochemsec2030.tracker.development.DevelopmentView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S&T review exports of developments published through the API, read back as a reader
 * would. The developments here were reported in 2018, a year no other test uses. One is
 * flagged as an information hazard and carries a marker in every technical text; the
 * marker must be in none of the three exports.
 */
@TrackerServiceTest
@Import(Developments.class)
class ReviewIT {

	private static final String MARKER = "RV9-ENRICHMENT-STEP";

	private static final String REVIEW = "/tracker/review/BWC/2018-01-01/2018-06-30";

	@LocalServerPort
	int port;

	@Autowired
	Developments developments;

	@Test
	void exportsThePublishedDevelopmentsOfARegimeAndPeriodWithoutTheHazardousDetail() {
		Api analyst = new Api(this.port, "analyst");
		Api admin = new Api(this.port, "admin");
		Api reader = Api.anonymous(this.port);

		DevelopmentView open = this.developments.reportedAt(Instant.parse("2018-02-10T09:00:00Z"),
				"Review fixture: cell-free protein expression kits ship to schools", "Kits for classrooms.");
		Analysis.assess(analyst, open, 8, "synthetic-biology", List.of("BWC-X"), "Sold widely.");
		Analysis.publish(analyst, open, "Cell-free kits bring protein expression to classrooms.");

		DevelopmentView hazard = this.developments.reportedAt(Instant.parse("2018-03-05T09:00:00Z"),
				"Review fixture: preprint details " + MARKER, "Its methods give " + MARKER + ".");
		analyst.put("/api/tracker/v1/analysis/developments/" + hazard.id(), Map.of("title",
				"Review fixture: a preprint of concern", "summary", "Internal: it relies on " + MARKER + "."));
		Analysis.assess(analyst, hazard, 4, "genome-editing", List.of("BWC-I", "BWC-IV"), "Rationale: " + MARKER);
		String gate = Analysis.gate(hazard);
		analyst.post(gate + "/hazard", Map.of("hazard", true));
		String publicSummary = "A preprint of concern; the tracker follows its review by the journal.";
		analyst.put(gate + "/public-summary", Map.of("publicSummary", publicSummary));
		assertThat(admin.post(gate + "/public-summary/review", "").status()).isEqualTo(200);
		assertThat(admin.post(gate + "/publish", "").status()).isEqualTo(200);

		DevelopmentView chemical = this.developments.reportedAt(Instant.parse("2018-04-01T09:00:00Z"),
				"Review fixture: portable Raman spectrometer identifies precursors", "For customs officers.");
		Analysis.assess(analyst, chemical, 7, "detection-verification", List.of("CWC-VA"), "Fielded.");
		Analysis.publish(analyst, chemical, "Portable spectrometers help customs identify precursors.");

		DevelopmentView later = this.developments.reportedAt(Instant.parse("2018-07-01T00:00:00Z"),
				"Review fixture: benchtop DNA synthesiser reaches a new length record", "Longer oligos.");
		Analysis.assess(analyst, later, 6, "synthetic-biology", List.of("BWC-IV"), "Benchtop.");
		Analysis.publish(analyst, later, "Benchtop synthesisers make longer DNA.");

		JsonNode review = reader.get(REVIEW + ".json").json();
		assertThat(review.path("id").asString()).isEqualTo("BWC-2018-01-01-2018-06-30");
		assertThat(review.path("url").asString()).endsWith(REVIEW).startsWith("http");
		assertThat(review.path("developments").valueStream().map(d -> d.path("id").asString()))
			.containsExactly(open.id().toString(), hazard.id().toString());
		JsonNode first = review.path("developments").get(0);
		assertThat(first.path("url").asString()).endsWith("/tracker/" + open.slug());
		assertThat(first.path("anchor").asString()).endsWith(REVIEW + "#" + open.slug());
		assertThat(first.path("reportedOn").asString()).isEqualTo("2018-02-10");
		assertThat(first.path("evidence").size()).isEqualTo(1);
		assertThat(first.path("citation").asString()).contains(open.id().toString())
			.contains("/tracker/" + open.slug());
		JsonNode flagged = review.path("developments").get(1);
		assertThat(flagged.path("summary").asString()).isEqualTo(publicSummary);
		assertThat(flagged.path("evidence").size()).isZero();
		assertThat(flagged.path("hardMeasures").size()).isZero();
		assertThat(review.toString()).doesNotContain(MARKER);

		Http.Response csv = Http.get("http://localhost:" + this.port + REVIEW + ".csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body().split("\r\n")).hasSize(3);
		assertThat(csv.body()).contains(open.id().toString()).contains(publicSummary).doesNotContain(MARKER);

		Api.Answer page = reader.page(REVIEW);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Biological Weapons Convention, 1 January 2018 to 30 June 2018")
			.contains("id=\"" + open.slug() + "\"")
			.contains("id=\"" + hazard.slug() + "\"")
			.contains(publicSummary)
			.doesNotContain(chemical.slug())
			.doesNotContain(later.slug())
			.doesNotContain(MARKER);

		assertThat(reader.get("/tracker/review/CWC/2018-01-01/2018-06-30.json")
			.json()
			.path("developments")
			.valueStream()
			.map(d -> d.path("id").asString())).containsExactly(chemical.id().toString());
	}

	@Test
	void theFormLeadsToAReviewsAddressOrShowsWhatToCorrect() {
		Api reader = Api.anonymous(this.port);
		Api.Answer chosen = reader.page("/tracker/review?regime=bwc&from=2018-01-01&to=2018-06-30");
		assertThat(chosen.status()).isEqualTo(302);
		assertThat(chosen.location()).endsWith(REVIEW);

		Api.Answer wrong = reader.page("/tracker/review?regime=BWC&from=2018-06-30&to=30.6.2018");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("id=\"to-error\"")
			.contains("is not a date; write it as YYYY-MM-DD")
			.contains("value=\"30.6.2018\"")
			.contains("value=\"2018-06-30\"")
			.contains("aria-invalid=\"true\"")
			.contains("<option value=\"BWC\" selected=\"selected\">");
		assertThat(reader.page("/tracker/review").body()).contains("<form method=\"get\" action=\"/tracker/review\"");

		assertThat(reader.page("/tracker/review/NPT/2018-01-01/2018-06-30").status()).isEqualTo(400);
		assertThat(reader.get("/tracker/review/BWC/2018-06-30/2018-01-01.json").status()).isEqualTo(400);
	}

}
