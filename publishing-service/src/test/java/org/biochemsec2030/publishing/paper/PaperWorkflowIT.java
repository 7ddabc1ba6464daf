package org.biochemsec2030.publishing.paper;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.publishing.Api;
import org.biochemsec2030.publishing.Papers;
import org.biochemsec2030.publishing.PublishingServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.biochemsec2030.publishing.Papers.ok;

/**
 * A paper's way from draft to publication through the API, with a publisher's real token:
 * two review rounds, the conflict-of-interest warning, the dual-use review sending it
 * back once, and the steps the workflow refuses.
 */
@PublishingServiceTest
class PaperWorkflowIT {

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private Api publisher;

	private String meeting;

	@BeforeEach
	void meeting() {
		this.publisher = new Api(this.port, "publisher");
		this.meeting = "bwc-msp-" + UUID.randomUUID().toString().substring(0, 8);
		ok(this.publisher.put("/api/publishing/v1/meetings", Papers.meeting(this.meeting)));
	}

	@Test
	void takesAPaperThroughTwoReviewRoundsAndTheDualUseReviewToPublication() {
		Api.Response created = this.publisher.post("/api/publishing/v1/papers",
				Papers.paper("Gene synthesis screening and the S&T review", this.meeting));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.header("Location")).startsWith("/api/publishing/v1/editorial/papers/");
		JsonNode draft = created.json();
		String base = "/api/publishing/v1/papers/" + draft.get("id").asString();
		assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("slug").asString()).isEqualTo("gene-synthesis-screening-and-the-s-and-t-review");
		assertThat(draft.at("/working/html").asString()).contains("<table>").contains("footnote-ref");
		assertThat(draft.at("/working/licence").asString()).isEqualTo("CC-BY-4.0");

		ok(this.publisher.post(base + "/submit"));
		JsonNode inReview = ok(this.publisher.post(base + "/review-rounds"));
		assertThat(inReview.get("state").asString()).isEqualTo("IN_REVIEW");
		assertThat(Papers.texts(inReview.get("steps"))).containsExactlyInAnyOrder("request-revisions", "approve");

		// A reviewer from an author's university is assigned, with a warning to the
		// publisher.
		Api.Response conflicted = this.publisher.post(base + "/reviewers", Map.of("name", "Mary Somerville",
				"affiliation", "The University of Bath", "dueOn", LocalDate.now().plusDays(10).toString()));
		assertThat(conflicted.status()).as(conflicted.body()).isEqualTo(201);
		assertThat(conflicted.json().get("conflict").asString()).contains("conflict of interest")
			.contains("Ada Lovelace");
		Api.Response independent = this.publisher.post(base + "/reviewers", Map.of("name", "Rosalind Franklin",
				"affiliation", "University of Bristol", "dueOn", LocalDate.now().plusDays(14).toString()));
		assertThat(independent.json().get("conflict").isNull()).isTrue();

		// Approval waits for every recommendation.
		assertThat(this.publisher.post(base + "/approve", Map.of()).status()).isEqualTo(409);
		review(base, independent, "MAJOR_REVISIONS");
		review(base, conflicted, "MINOR_REVISIONS");
		JsonNode revisions = ok(
				this.publisher.post(base + "/request-revisions", Map.of("note", "Add the 2024 protocol changes.")));
		assertThat(revisions.get("state").asString()).isEqualTo("REVISIONS");

		Map<String, Object> revised = Papers.paper("Gene synthesis screening and the S&T review", this.meeting);
		revised.put("body", "## Revised\n\nWith the 2024 protocol.");
		ok(this.publisher.put(base, revised));
		ok(this.publisher.post(base + "/submit"));
		ok(this.publisher.post(base + "/review-rounds"));
		Api.Response second = this.publisher.post(base + "/reviewers", Map.of("name", "Rosalind Franklin",
				"affiliation", "University of Bristol", "dueOn", LocalDate.now().plusDays(7).toString()));
		review(base, second, "ACCEPT");
		JsonNode approved = ok(this.publisher.post(base + "/approve", Map.of()));
		assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
		assertThat(approved.get("rounds")).hasSize(2);
		assertThat(approved.at("/rounds/0/outcome").asString()).isEqualTo("REVISIONS");
		assertThat(approved.at("/rounds/0/assignments")).hasSize(2);
		assertThat(approved.at("/rounds/1/outcome").asString()).isEqualTo("APPROVED");

		// Not publishable before the dual-use review.
		assertThat(this.publisher.post(base + "/publish").status()).isEqualTo(409);

		JsonNode sentBack = ok(this.publisher.post(base + "/dual-use",
				Map.of("decision", "REVISE", "rationale", "Table 2 names a sequence family; generalise it.")));
		assertThat(sentBack.get("state").asString()).isEqualTo("REVISIONS");
		ok(this.publisher.post(base + "/submit"));
		ok(this.publisher.post(base + "/review-rounds"));
		Api.Response third = this.publisher.post(base + "/reviewers", Map.of("name", "Rosalind Franklin", "affiliation",
				"University of Bristol", "dueOn", LocalDate.now().plusDays(7).toString()));
		review(base, third, "ACCEPT");
		ok(this.publisher.post(base + "/approve", Map.of()));
		JsonNode cleared = ok(this.publisher.post(base + "/dual-use",
				Map.of("decision", "CLEAR", "rationale", "Policy analysis only.")));
		assertThat(cleared.get("state").asString()).isEqualTo("CLEARED");
		assertThat(cleared.get("dualUse")).hasSize(2);
		assertThat(cleared.at("/dualUse/0/decision").asString()).isEqualTo("REVISE");
		assertThat(cleared.at("/dualUse/0/rationale").asString()).contains("sequence family");
		assertThat(cleared.at("/dualUse/1/decidedBy").asString()).isEqualTo("publisher");

		JsonNode published = ok(this.publisher.post(base + "/publish"));
		assertThat(published.get("state").asString()).isEqualTo("PUBLISHED");
		assertThat(published.get("seriesNumber").asInt()).isPositive();
		assertThat(published.get("publishedVersion").asInt()).isEqualTo(1);
		assertThat(published.get("history")).extracting(step -> step.get("step").asString())
			.containsExactly("submit", "open-review", "request-revisions", "submit", "open-review", "approve",
					"revise-dual-use", "submit", "open-review", "approve", "clear-dual-use", "publish");

		JsonNode view = this.publisher.anonymous()
			.get("/api/publishing/v1/papers/gene-synthesis-screening-and-the-s-and-t-review")
			.json();
		assertThat(view.get("series").asString())
			.isEqualTo("BCS2030 Briefing Paper No. " + published.get("seriesNumber").asInt());
		assertThat(view.get("html").asString()).contains("With the 2024 protocol.");
		assertThat(view.at("/meeting/slug").asString()).isEqualTo(this.meeting);

		// The publication went into the outbox in its transaction, for bcs.publishing and
		// bcs.public.
		List<String> topics = this.jdbc
			.sql("select topic from event_outbox where aggregate_id = ? and type = ? order by topic")
			.params(draft.get("id").asString(), "org.biochemsec2030.publishing.paper.published.v1")
			.query(String.class)
			.list();
		assertThat(topics).containsExactly("bcs.public", "bcs.publishing");
		assertThat(this.jdbc.sql("select count(*) from audit_log where target = ? and action = 'paper.publish'")
			.param("paper:" + draft.get("id").asString())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void refusesStepsTheStateDoesNotAllowWithTheReason() {
		String base = "/api/publishing/v1/papers/" + this.publisher
			.post("/api/publishing/v1/papers", Papers.paper("A draft for refused steps", this.meeting))
			.json()
			.get("id")
			.asString();
		Api.Response publish = this.publisher.post(base + "/publish");
		assertThat(publish.status()).isEqualTo(409);
		assertThat(publish.json().get("detail").asString()).contains("draft").contains("cannot be published");
		assertThat(this.publisher.post(base + "/approve", Map.of()).status()).isEqualTo(409);
		assertThat(this.publisher
			.post(base + "/reviewers", Map.of("name", "X", "dueOn", LocalDate.now().plusDays(3).toString()))
			.status()).isEqualTo(409);
		assertThat(this.publisher.post(base + "/withdraw", Map.of("notice", "n")).status()).isEqualTo(409);
		ok(this.publisher.post(base + "/submit"));
		// Submitted: the text is with the editors and cannot be changed any more.
		assertThat(this.publisher.put(base, Papers.paper("Changed", this.meeting)).status()).isEqualTo(409);
	}

	@Test
	void answersBadInputWithTheFieldsToFix() {
		Map<String, Object> bad = Papers.paper("", "no-such-meeting");
		bad.put("topics", List.of("astrology"));
		bad.put("licence", "all-rights-reserved");
		bad.put("authors", List.of(Map.of("name", "A", "orcid", "12345")));
		Api.Response response = this.publisher.post("/api/publishing/v1/papers", bad);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("errors")).extracting(e -> e.get("field").asString())
			.contains("title", "authors[0].orcid");

		Map<String, Object> unknowns = Papers.paper("Unknown words", "no-such-meeting");
		unknowns.put("topics", List.of("astrology"));
		unknowns.put("licence", "all-rights-reserved");
		Api.Response second = this.publisher.post("/api/publishing/v1/papers", unknowns);
		assertThat(second.status()).isEqualTo(400);
		assertThat(second.json().get("errors")).extracting(e -> e.get("field").asString())
			.contains("topics[0]", "licence", "meeting");

		String id = this.publisher.post("/api/publishing/v1/papers", Papers.paper("Due dates", this.meeting))
			.json()
			.get("id")
			.asString();
		ok(this.publisher.post("/api/publishing/v1/papers/" + id + "/submit"));
		ok(this.publisher.post("/api/publishing/v1/papers/" + id + "/review-rounds"));
		Api.Response past = this.publisher.post("/api/publishing/v1/papers/" + id + "/reviewers",
				Map.of("name", "Late", "dueOn", LocalDate.now().minusDays(1).toString()));
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.json().at("/errors/0/field").asString()).isEqualTo("dueOn");
		assertThat(this.publisher.post("/api/publishing/v1/papers/not-a-uuid/submit").status()).isEqualTo(400);
		assertThat(this.publisher.post("/api/publishing/v1/papers/" + UUID.randomUUID() + "/submit").status())
			.isEqualTo(404);
	}

	@Test
	void onlyPublishersAndAdminsWrite() {
		Map<String, Object> paper = Papers.paper("Who may write", this.meeting);
		assertThat(this.publisher.anonymous().post("/api/publishing/v1/papers", paper).status()).isEqualTo(401);
		assertThat(this.publisher.as("editor").post("/api/publishing/v1/papers", paper).status()).isEqualTo(403);
		assertThat(this.publisher.as("member").get("/api/publishing/v1/editorial/papers").status()).isEqualTo(403);
		assertThat(this.publisher.as("admin").post("/api/publishing/v1/papers", paper).status()).isEqualTo(201);
	}

	private void review(String base, Api.Response assignment, String recommendation) {
		assertThat(assignment.status()).as(assignment.body()).isEqualTo(201);
		ok(this.publisher.post(base + "/reviewers/" + assignment.json().get("id").asString() + "/review",
				Map.of("recommendation", recommendation, "comments", "Comments for the authors.")));
	}

}
