package org.biochemsec2030.publishing.admin;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.biochemsec2030.publishing.Api;
import org.biochemsec2030.publishing.Papers;
import org.biochemsec2030.publishing.PublishingServiceTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publishers' admin tool as a publisher uses it in a browser: plain forms with the
 * gateway's CSRF token and the page's form key, answered with a redirect to the page that
 * says what happened; forms with mistakes come back with messages beside the fields.
 */
@PublishingServiceTest
class PublishingAdminPagesIT {

	private static final String BASE = "/admin/publishing";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api publisher;

	@BeforeEach
	void publisher() {
		this.publisher = new Api(this.port, "publisher");
	}

	@Test
	void aPublisherTakesASubmissionThroughReviewTheDualUseStepAndTheSchedule() {
		String meeting = "msp-" + UUID.randomUUID().toString().substring(0, 8);
		Papers.ok(this.publisher.put("/api/publishing/v1/meetings", Papers.meeting(meeting)));
		Api.Response created = this.publisher.post("/api/publishing/v1/papers",
				Papers.paper("Screening synthetic DNA orders " + UUID.randomUUID(), meeting));
		String id = created.json().get("id").asString();
		String page = BASE + "/papers/" + id;

		// The list of submissions shows the draft; its page offers to submit it.
		assertThat(page(BASE + "/papers?state=draft").select("table.admin-table a").eachAttr("href")).contains(page);
		send(page, "steps/submit", Map.of(), "submit");
		send(page, "steps/open-review", Map.of(), "open-review");
		assertThat(page(page).selectFirst("#state").text()).isEqualTo("In review");

		// A reviewer form with mistakes comes back with each message beside its field
		// and everything typed.
		Document wrong = again(page, "reviewers",
				Map.of("name", "", "email", "not-an-address", "affiliation", "Bristol", "dueOn", "next week"));
		assertThat(wrong.selectFirst("#assign-name-error").text()).contains("reviewer's name");
		assertThat(wrong.selectFirst("#assign-email-error").text()).contains("mail address");
		assertThat(wrong.selectFirst("#assign-dueOn-error").text()).contains("due");
		assertThat(wrong.selectFirst("#assign-email").attr("aria-invalid")).isEqualTo("true");
		assertThat(wrong.selectFirst("#assign-email").val()).isEqualTo("not-an-address");
		assertThat(wrong.selectFirst("#assign-affiliation").val()).isEqualTo("Bristol");
		assertThat(wrong.selectFirst("#assign-dueOn").val()).isEqualTo("next week");

		// A reviewer from an author's university is assigned with a warning.
		String due = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();
		send(page, "reviewers", Map.of("name", "Mary Somerville", "email", "somerville@bath.example", "affiliation",
				"University of Bath", "dueOn", due), "assigned");
		Document inReview = page(page);
		Element assignment = inReview.selectFirst(".assignment");
		assertThat(assignment.selectFirst(".conflict").text()).startsWith("Conflict of interest:")
			.contains("University of Bath");
		Document reviews = page(BASE + "/reviews");
		assertThat(reviews.select("table.admin-table tbody tr").eachText())
			.anySatisfy(row -> assertThat(row).contains("Mary Somerville", due, "waiting", "University of Bath"));

		// Approving before the review is in is refused and explained.
		Api.Response early = form(page + "/steps/approve", Map.of("formKey", UUID.randomUUID().toString()));
		assertThat(early.status()).isEqualTo(409);
		assertThat(Jsoup.parse(early.body()).selectFirst("#problem").text()).contains("not given a recommendation");

		String assignmentId = assignment.id().substring("assignment-".length());
		Document noChoice = again(page, "reviewers/" + assignmentId + "/review",
				Map.of("recommendation", "", "comments", "Good, with two small changes."));
		assertThat(noChoice.selectFirst("#review-" + assignmentId + "-recommendation-error").text())
			.contains("recommendation");
		assertThat(noChoice.selectFirst("#review-" + assignmentId + "-comments").text())
			.isEqualTo("Good, with two small changes.");
		send(page, "reviewers/" + assignmentId + "/review", Map.of("recommendation", "ACCEPT", "comments", "Clear."),
				"reviewed");
		send(page, "steps/approve", Map.of("note", "Thank you."), "approve");

		// The dual-use step needs a decision and its rationale.
		Document noRationale = again(page, "dual-use", Map.of("decision", "CLEAR", "rationale", " "));
		assertThat(noRationale.selectFirst("#dualuse-rationale-error").text()).contains("rationale");
		assertThat(noRationale.selectFirst("#dualuse-decision option[selected]").val()).isEqualTo("CLEAR");
		send(page, "dual-use", Map.of("decision", "CLEAR", "rationale", "Policy measures only."), "dual-use");

		// Scheduling: a time in the past is explained; a future one puts it on the
		// schedule page.
		Document past = again(page, "schedule", Map.of("at", "2020-01-01T09:00"));
		assertThat(past.selectFirst("#schedule-at-error").text()).contains("future");
		assertThat(past.selectFirst("#schedule-at").val()).isEqualTo("2020-01-01T09:00");
		LocalDateTime at = LocalDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(ChronoUnit.MINUTES);
		send(page, "schedule", Map.of("at", at.toString()), "scheduled");
		Document schedule = page(BASE + "/schedule");
		assertThat(schedule.select("#scheduled tbody tr").eachText())
			.anySatisfy(row -> assertThat(row).contains(created.json().get("working").get("title").asString()));

		send(page, "steps/publish", Map.of(), "publish");
		Document published = page(page);
		assertThat(published.selectFirst("#state").text()).isEqualTo("Published");
		assertThat(published.select("#history li").eachText()).hasSize(6);
		assertThat(this.publisher.anonymous().page("/papers/" + created.json().get("slug").asString()).status())
			.isEqualTo(200);
	}

	@Test
	void aFormSentTwiceDoesItsWorkOnce() throws Exception {
		Api.Response created = this.publisher.post("/api/publishing/v1/papers",
				Papers.paper("Cloud labs and the CWC " + UUID.randomUUID(), null));
		String id = created.json().get("id").asString();
		String page = BASE + "/papers/" + id;
		send(page, "steps/submit", Map.of(), "submit");
		send(page, "steps/open-review", Map.of(), "open-review");

		// The same form, sent twice at once and once more later (a double click, a
		// reload that resends): one reviewer, and the same answer every time.
		String key = formKey(page);
		Map<String, String> fields = Map.of("formKey", key, "name", "Lise Meitner", "dueOn",
				LocalDate.now(ZoneOffset.UTC).plusDays(7).toString());
		List<CompletableFuture<Api.Response>> both = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			both.add(CompletableFuture.supplyAsync(() -> form(page + "/reviewers", fields)));
		}
		List<Api.Response> answers = new ArrayList<>();
		for (CompletableFuture<Api.Response> answer : both) {
			answers.add(answer.get());
		}
		answers.add(form(page + "/reviewers", fields));
		assertThat(answers).allSatisfy(answer -> {
			assertThat(answer.status()).isEqualTo(302);
			assertThat(answer.header("Location")).isEqualTo(page + "?done=assigned");
		});
		assertThat(this.jdbc.sql("select count(*) from review_assignment where paper_id = ?")
			.param(UUID.fromString(id))
			.query(Integer.class)
			.single()).isEqualTo(1);

		// A step sent twice with its key is taken once and answers alike.
		String stepKey = formKey(page);
		String assignment = page(page).selectFirst(".assignment").id().substring("assignment-".length());
		send(page, "reviewers/" + assignment + "/review", Map.of("recommendation", "MINOR_REVISIONS"), "reviewed");
		for (int i = 0; i < 2; i++) {
			Api.Response answer = form(page + "/steps/request-revisions",
					Map.of("formKey", stepKey, "note", "Shorten section 2."));
			assertThat(answer.status()).isEqualTo(302);
			assertThat(answer.header("Location")).isEqualTo(page + "?done=request-revisions");
		}
		assertThat(page(page).select("#history li").eachText()).filteredOn(step -> step.startsWith("request-revisions"))
			.hasSize(1);
	}

	@Test
	void treatyMeetingsAreAddedAndChangedWithTheirMistakesShownBesideTheFields() {
		String slug = "cwc-csp-" + UUID.randomUUID().toString().substring(0, 8);
		Document wrong = againAt(BASE + "/meetings",
				Map.of("slug", "Not A Slug", "name", "Conference of the States Parties", "regime", "XYZ", "startsOn",
						"2026-11-30", "endsOn", "2026-11-20x", "place", "The Hague"));
		assertThat(wrong.selectFirst("#slug-error").text()).contains("lower-case");
		assertThat(wrong.selectFirst("#endsOn-error").text()).contains("last day");
		assertThat(wrong.selectFirst("#name").val()).isEqualTo("Conference of the States Parties");
		assertThat(wrong.selectFirst("#endsOn").val()).isEqualTo("2026-11-20x");
		Document badRegime = againAt(BASE + "/meetings",
				Map.of("slug", slug, "name", "Conference of the States Parties", "regime", "XYZ", "startsOn",
						"2026-11-30", "endsOn", "2026-12-04", "place", "The Hague"));
		assertThat(badRegime.selectFirst("#regime-error")).isNotNull();

		Map<String, String> meeting = Map.of("formKey", UUID.randomUUID().toString(), "slug", slug, "name",
				"Conference of the States Parties to the CWC", "regime", "CWC", "startsOn", "2026-11-30", "endsOn",
				"2026-12-04", "place", "The Hague");
		Api.Response saved = form(BASE + "/meetings", meeting);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		assertThat(saved.header("Location")).isEqualTo(BASE + "/meetings?done=meeting");
		assertThat(page(BASE + "/meetings").selectFirst("#meeting-" + slug).text()).contains("The Hague", "CWC");

		Document edit = page(BASE + "/meetings?edit=" + slug);
		assertThat(edit.selectFirst("#place").val()).isEqualTo("The Hague");
		Map<String, String> moved = new java.util.HashMap<>(meeting);
		moved.put("formKey", UUID.randomUUID().toString());
		moved.put("place", "The Hague (World Forum)");
		assertThat(form(BASE + "/meetings", moved).status()).isEqualTo(302);
		assertThat(this.publisher.get("/api/publishing/v1/meetings/" + slug).json().get("place").asString())
			.isEqualTo("The Hague (World Forum)");
	}

	@Test
	void onlyPublishersAndAdminsGetInAndEveryFormCarriesTheTokens() {
		Api.Response created = this.publisher.post("/api/publishing/v1/papers",
				Papers.paper("Access to the admin tool " + UUID.randomUUID(), null));
		String page = BASE + "/papers/" + created.json().get("id").asString();
		for (String path : List.of(BASE, BASE + "/papers", page, BASE + "/reviews", BASE + "/schedule",
				BASE + "/meetings")) {
			Api.Response asAdmin = this.publisher.as("admin").page(path);
			assertThat(asAdmin.status()).as(path).isEqualTo(200);
			Document document = Jsoup.parse(asAdmin.body());
			assertThat(document.select("form[method=post]")).allSatisfy(form -> {
				assertThat(form.selectFirst("input[name=_csrf]").val()).isEqualTo(Api.CSRF);
				assertThat(form.selectFirst("input[name=formKey]").val()).matches("[0-9a-f-]{36}");
			});
			assertThat(document.select("script:not([src])")).isEmpty();
			assertThat(this.publisher.as("editor").page(path).status()).as(path).isEqualTo(403);
			assertThat(this.publisher.anonymous().page(path).status()).as(path).isEqualTo(401);
		}
		assertThat(Jsoup.parse(this.publisher.page(BASE).body()).select("tr#state-draft .count").text())
			.matches("[1-9][0-9]*");
		assertThat(this.publisher.form(page + "/steps/submit", List.of()).status()).isEqualTo(302);
		assertThat(new Api(this.port, "editor").form(page + "/steps/open-review", List.of()).status()).isEqualTo(403);
		assertThat(this.publisher.page(BASE + "/papers/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(this.publisher.page(BASE + "/papers/not-a-paper").status()).isEqualTo(404);
		assertThat(this.publisher.form(page + "/steps/fly", List.of()).status()).isEqualTo(404);
		assertThat(this.publisher.page(BASE + "/papers?state=lost").status()).isEqualTo(400);
	}

	private Document page(String path) {
		Api.Response response = this.publisher.page(path);
		assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private String formKey(String path) {
		return page(path).selectFirst("input[name=formKey]").val();
	}

	/**
	 * Sends a form of the paper's page with a fresh key; it leads back saying what
	 * happened.
	 */
	private void send(String page, String action, Map<String, String> fields, String done) {
		Map<String, String> sent = new java.util.HashMap<>(fields);
		sent.put("formKey", formKey(page));
		Api.Response answer = form(page + "/" + action, sent);
		assertThat(answer.status()).as(action + ": " + answer.body()).isEqualTo(302);
		assertThat(answer.header("Location")).isEqualTo(page + "?done=" + done);
	}

	/** Sends a form with something to fix; the page comes back with 400. */
	private Document again(String page, String action, Map<String, String> fields) {
		return againAt(page + "/" + action, fields);
	}

	private Document againAt(String path, Map<String, String> fields) {
		Map<String, String> sent = new java.util.HashMap<>(fields);
		sent.putIfAbsent("formKey", UUID.randomUUID().toString());
		Api.Response answer = form(path, sent);
		assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(400);
		return Jsoup.parse(answer.body());
	}

	private Api.Response form(String path, Map<String, String> fields) {
		List<Map.Entry<String, String>> sent = new ArrayList<>(fields.entrySet());
		sent.add(Map.entry("_csrf", Api.CSRF));
		return this.publisher.form(path, sent);
	}

}
