package org.biochemsec2030.tracker.publication;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.biochemsec2030.platform.test.Engines;
import org.biochemsec2030.platform.test.Http;
import org.biochemsec2030.tracker.Analysis;
import org.biochemsec2030.tracker.Api;
import org.biochemsec2030.tracker.Developments;
import org.biochemsec2030.tracker.TrackerServiceTest;
import org.biochemsec2030.tracker.development.DevelopmentView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Triage to publication through the API and what readers then find: the pages, the public
 * API, search and the events. A development flagged as an information hazard carries a
 * marker in every technical text (its items' titles and summaries, the analysts' summary,
 * rationale and measures); the marker must appear in none of them.
 */
@TrackerServiceTest
@Import(Developments.class)
class PublicationIT {

	private static final String MARKER = "XQ7-PROTOCOL-STEP";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Developments developments;

	@Autowired
	JdbcClient jdbc;

	Api analyst;

	Api admin;

	Api reader;

	@BeforeEach
	void signIn() {
		this.analyst = new Api(this.port, "analyst");
		this.admin = new Api(this.port, "admin");
		this.reader = Api.anonymous(this.port);
	}

	@Test
	void anAssessedDevelopmentIsPublishedToThePagesTheApiSearchAndTheStreams() {
		DevelopmentView development = this.developments.of(
				"Handheld nanopore sequencer identifies pathogens at the point of care",
				"Field clinics sequenced samples in hours.");
		String gate = Analysis.gate(development);
		Api.Answer early = this.analyst.post(gate + "/publish", "");
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().path("detail").asString()).contains("Assess it first");

		Analysis.assess(this.analyst, development, 4, "detection-verification", List.of("BWC-VII", "BWC-X"),
				"Sequencers are sold for clinics.");
		this.analyst.put(gate + "/public-summary",
				Map.of("publicSummary", "Portable sequencing helps detect outbreaks sooner."));
		Api.Answer published = this.analyst.post(gate + "/publish", "");
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat(published.json().path("status").asString()).isEqualTo("published");

		String slug = development.slug();
		Api.Answer page = this.reader.page("/tracker/" + slug);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(development.title())
			.contains("Portable sequencing helps detect outbreaks sooner.")
			.contains("Detection &amp; verification")
			.contains("Biological Weapons Convention")
			.contains("TRL 4")
			.contains("Screening of samples in the field")
			.contains("href=\"https://fixture-");
		assertThat(this.reader.page("/tracker?field=detection-verification&regime=BWC&maturity=development").body())
			.contains("href=\"/tracker/" + slug + "\"");
		assertThat(this.reader.page("/tracker?field=genome-editing").body()).doesNotContain("/tracker/" + slug);
		assertThat(this.reader.page("/tracker?field=virology").body()).contains("is not a field");
		assertThat(this.reader.page("/tracker/no-such-development").status()).isEqualTo(404);

		JsonNode list = this.reader.get("/api/tracker/v1/developments?regime=BWC&size=50").json();
		assertThat(list.path("items").valueStream().map(i -> i.path("url").asString())).contains("/tracker/" + slug);
		assertThat(this.reader.get("/api/tracker/v1/developments?maturity=soon").status()).isEqualTo(400);
		assertThat(this.reader.get("/api/tracker/v1/developments/" + slug).json().path("evidence").size()).isEqualTo(1);

		assertThat(outbox(development.id()))
			.contains("bcs.tracker org.biochemsec2030.tracker.development.assessed.v1",
					"bcs.tracker org.biochemsec2030.tracker.development.published.v1",
					"bcs.public org.biochemsec2030.tracker.development.published.v1")
			.doesNotContain("bcs.public org.biochemsec2030.tracker.development.assessed.v1");
		JsonNode event = JSON.readTree(this.jdbc
			.sql("select data from event_outbox where aggregate_id = :id and topic = 'bcs.public' order by id limit 1")
			.param("id", development.id().toString())
			.query(String.class)
			.single());
		assertThat(event.path("url").asString()).isEqualTo("/tracker/" + slug);
		assertThat(event.path("topics").get(0).asString()).isEqualTo("detection-verification");
		assertThat(event.path("regimes").valueStream().map(JsonNode::asString)).containsExactly("BWC");

		JsonNode document = searchDocument(development.id());
		assertThat(document.path("_source").path("url").asString()).isEqualTo("/tracker/" + slug);

		// A second analyst's assessment changes the public state: announced as an update.
		Analysis.assess(this.admin, development, 8, "detection-verification", List.of("BWC-VII"), "Already deployed.");
		assertThat(outbox(development.id())).contains("bcs.public org.biochemsec2030.tracker.development.updated.v1");
		assertThat(this.reader.page("/tracker/" + slug).body()).contains("TRL 4–8")
			.contains("Analysts disagree on maturity: from TRL 4 to TRL 8.");

		assertThat(this.analyst.post(gate + "/withdraw", "").json().path("status").asString()).isEqualTo("draft");
		assertThat(this.reader.page("/tracker/" + slug).status()).isEqualTo(404);
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> Http.get(Engines.elasticsearchUri() + "/bcs-tracker/_doc/" + development.id())
				.status() == 404);
	}

	@Test
	void aHazardFlaggedDevelopmentShowsOnlyItsReviewedPublicSummaryAnywherePublic() {
		DevelopmentView development = this.developments.of(
				"Stepwise enhancement protocol " + MARKER + " posted to a preprint server",
				"The preprint lists " + MARKER + " in its methods.",
				"Commentary on the " + MARKER + " preprint from a biosafety blog",
				"Experts warn about " + MARKER + ".");
		String gate = Analysis.gate(development);
		this.analyst.put("/api/tracker/v1/analysis/developments/" + development.id(),
				Map.of("title", "Preprint describes an enhancement method", "summary",
						"Internal: the method relies on " + MARKER + "."));
		Analysis.assess(this.analyst, development, 3, "synthetic-biology", List.of("BWC-I", "BWC-IV"),
				"Rationale naming " + MARKER + ".");
		Api.Answer flagged = this.analyst.post(gate + "/hazard", Map.of("hazard", true));
		assertThat(flagged.json().path("hazard").asBoolean()).isTrue();

		Api.Answer unsummarised = this.analyst.post(gate + "/publish", "");
		assertThat(unsummarised.status()).isEqualTo(409);
		assertThat(unsummarised.json().path("detail").asString()).contains("Write a public summary");
		String text = "A preprint describes a method of concern; the tracker follows its review by the journal.";
		this.analyst.put(gate + "/public-summary", Map.of("publicSummary", text));
		assertThat(this.analyst.post(gate + "/publish", "").json().path("detail").asString())
			.contains("second analyst review");
		Api.Answer ownReview = this.analyst.post(gate + "/public-summary/review", "");
		assertThat(ownReview.status()).isEqualTo(409);
		assertThat(ownReview.json().path("detail").asString()).contains("you wrote it");
		assertThat(this.admin.post(gate + "/public-summary/review", "").json().path("reviewed").asBoolean()).isTrue();
		Api.Answer published = this.admin.post(gate + "/publish", "");
		assertThat(published.status()).as(published.body()).isEqualTo(200);

		// An edit after the review waits for its own review; the page keeps the reviewed
		// text.
		this.analyst.put(gate + "/public-summary", Map.of("publicSummary", "Unreviewed text about " + MARKER));

		String slug = development.slug();
		Api.Answer page = this.reader.page("/tracker/" + slug);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(text)
			.contains("Preprint describes an enhancement method")
			.doesNotContain(MARKER);
		assertThat(this.reader.page("/tracker").body()).contains("/tracker/" + slug).doesNotContain(MARKER);
		assertThat(this.reader.get("/api/tracker/v1/developments?size=50").body()).contains(slug)
			.doesNotContain(MARKER);
		JsonNode view = this.reader.get("/api/tracker/v1/developments/" + slug).json();
		assertThat(view.path("summary").asString()).isEqualTo(text);
		assertThat(view.path("evidence").size()).isZero();
		assertThat(view.toString()).doesNotContain(MARKER);

		assertThat(this.jdbc.sql("select data from event_outbox where aggregate_id = :id")
			.param("id", development.id().toString())
			.query(String.class)
			.list()).isNotEmpty().allSatisfy(data -> assertThat(data).doesNotContain(MARKER));
		JsonNode document = searchDocument(development.id());
		assertThat(document.path("_source").path("summary").asString()).isEqualTo(text);
		assertThat(document.toString()).doesNotContain(MARKER);
		assertThat(Http.get(Engines.elasticsearchUri() + "/bcs-public/_search?q=" + MARKER).body())
			.contains("\"total\":{\"value\":0");

		// Analysts still see everything.
		assertThat(this.analyst.get("/api/tracker/v1/analysis/developments/" + development.id()).body())
			.contains(MARKER);
	}

	@Test
	void flaggingAPublishedDevelopmentWithoutAReviewedSummaryTakesItOffTheSite() {
		DevelopmentView development = this.developments.of(
				"Automated synthesis platform runs unattended multistep organophosphate routes",
				"A vendor demonstration.");
		String gate = Analysis.gate(development);
		Analysis.assess(this.analyst, development, 6, "chemical-synthesis", List.of("CWC-VI"),
				"Demonstrated by a vendor.");
		Api.Answer unsummarised = this.analyst.post(gate + "/publish", "");
		assertThat(unsummarised.json().path("detail").asString()).contains("Write a summary readers can see");
		this.analyst.put(gate + "/public-summary", Map.of("publicSummary", "Synthesis platforms run unattended."));
		assertThat(this.analyst.post(gate + "/publish", "").status()).isEqualTo(200);
		assertThat(this.reader.page("/tracker/" + development.slug()).status()).isEqualTo(200);

		this.analyst.post(gate + "/hazard", Map.of("hazard", true));
		assertThat(this.reader.page("/tracker/" + development.slug()).status()).isEqualTo(404);
		assertThat(outbox(development.id())).contains("bcs.public org.biochemsec2030.tracker.development.withdrawn.v1");
		assertThat(this.reader.post(gate + "/hazard", Map.of("hazard", false)).status()).isEqualTo(401);
		assertThat(new Api(this.port, "member").post(gate + "/publish", "").status()).isEqualTo(403);
	}

	private List<String> outbox(UUID id) {
		return this.jdbc.sql("select topic || ' ' || type from event_outbox where aggregate_id = :id order by id")
			.param("id", id.toString())
			.query(String.class)
			.list();
	}

	/** The development's document, once the search consumer has indexed it. */
	private static JsonNode searchDocument(UUID id) {
		String address = Engines.elasticsearchUri() + "/bcs-tracker/_doc/" + id;
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(address).status() == 200);
		return JSON.readTree(Http.get(address).body());
	}

}
