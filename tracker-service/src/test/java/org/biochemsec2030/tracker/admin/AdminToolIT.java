package org.biochemsec2030.tracker.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.tracker.Api;
import org.biochemsec2030.tracker.TrackerServiceTest;
import org.biochemsec2030.tracker.item.FeedEntry;
import org.biochemsec2030.tracker.item.ItemService;
import org.biochemsec2030.tracker.item.ItemView;
import org.biochemsec2030.tracker.item.QueueFilter;
import org.biochemsec2030.tracker.item.Reporter;
import org.biochemsec2030.tracker.source.SourceHealth;
import org.biochemsec2030.tracker.source.SourceService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin tool as analysts use it in a browser: forms posted as a browser posts them,
 * pages read as HTML. A source added through the tool reports items (ingested here, as
 * the poller would), which go from the queue to a development, are assessed, flagged,
 * reviewed by a second analyst and published.
 */
@TrackerServiceTest
class AdminToolIT {

	@LocalServerPort
	int port;

	@Autowired
	SourceService sources;

	@Autowired
	ItemService items;

	@Test
	void onlyAnalystsAndAdminsUseTheTool() {
		assertThat(new Api(this.port, "analyst").page("/admin/tracker").status()).isEqualTo(200);
		assertThat(new Api(this.port, "admin").page("/admin/tracker/rules").status()).isEqualTo(200);
		assertThat(new Api(this.port, "member").page("/admin/tracker").status()).isEqualTo(403);
		assertThat(Api.anonymous(this.port).page("/admin/tracker/queue").status()).isIn(302, 401);
	}

	@Test
	void formsThatNeedFixingComeBackWithMessagesAndEverythingTyped() {
		Api analyst = new Api(this.port, "analyst");
		Api.Answer often = analyst.form("/admin/tracker/sources", List.of(Map.entry("name", "A journal I follow"),
				Map.entry("url", "https://journal.example/feed"), Map.entry("pollEveryMinutes", "often")));
		assertThat(often.status()).isEqualTo(400);
		Document form = Jsoup.parse(often.body());
		assertThat(form.select("#pollEveryMinutes-error").text()).isEqualTo("give a whole number");
		assertThat(form.select("input[name=name]").val()).isEqualTo("A journal I follow");
		assertThat(form.select("input[name=url]").val()).isEqualTo("https://journal.example/feed");
		assertThat(form.select("input[name=pollEveryMinutes]").val()).isEqualTo("often");
		assertThat(form.select("input[name=pollEveryMinutes]").attr("aria-describedby"))
			.isEqualTo("pollEveryMinutes-error");

		Api.Answer badUrl = analyst.form("/admin/tracker/sources",
				List.of(Map.entry("name", ""), Map.entry("url", "ftp://journal.example/feed")));
		assertThat(badUrl.status()).isEqualTo(400);
		Document again = Jsoup.parse(badUrl.body());
		assertThat(again.select("#url-error").text()).isNotEmpty();
		assertThat(again.select("#name-error").text()).isNotEmpty();
		assertThat(again.select("input[name=url]").val()).isEqualTo("ftp://journal.example/feed");

		Api.Answer badRule = analyst.form("/admin/tracker/rules",
				List.of(Map.entry("name", "Broken pattern"), Map.entry("field", "summary"), Map.entry("kind", "regex"),
						Map.entry("pattern", "(unclosed"), Map.entry("action", "flag")));
		assertThat(badRule.status()).isEqualTo(400);
		Document rule = Jsoup.parse(badRule.body());
		assertThat(rule.select("#pattern-error").text()).isNotEmpty();
		assertThat(rule.select("input[name=pattern]").val()).isEqualTo("(unclosed");
		assertThat(rule.select("select[name=field] option[selected]").val()).isEqualTo("summary");
		assertThat(rule.select("select[name=kind] option[selected]").val()).isEqualTo("regex");
	}

	@Test
	void anAnalystTakesAnItemFromTheQueueThroughAssessmentAndHazardReviewToTheSite() {
		Api analyst = new Api(this.port, "analyst");
		Api admin = new Api(this.port, "admin");
		String key = UUID.randomUUID().toString().substring(0, 8);
		String address = "https://admin-fixture-" + key + ".example/feed.xml";
		Api.Answer added = analyst.form("/admin/tracker/sources", List.of(Map.entry("name", "Admin fixture " + key),
				Map.entry("url", address), Map.entry("pollEveryMinutes", "120")));
		assertThat(added.status()).as(added.body()).isEqualTo(302);
		assertThat(added.location()).endsWith("/admin/tracker?done=source-added");
		Document sourcesPage = Jsoup.parse(analyst.page("/admin/tracker?done=source-added").body());
		assertThat(sourcesPage.select(".notice").text()).isEqualTo("The source is added.");
		assertThat(sourcesPage.select("table.admin-table").text()).contains("Admin fixture " + key).contains(address);

		SourceHealth source = this.sources.health()
			.stream()
			.filter(s -> s.url().equals(address))
			.findFirst()
			.orElseThrow();
		String title = "Admin fixture " + key + ": mirror-image bacteria raise biosafety questions";
		this.items.ingest(new Reporter(source.id(), source.name(), source.url()),
				List.of(new FeedEntry(null, "https://admin-fixture-" + key + ".example/a/1", title,
						"Scientists call for a pause.", Instant.parse("2026-02-01T08:00:00Z"))),
				Instant.parse("2026-02-01T09:00:00Z"));
		ItemView item = this.items.queue(QueueFilter.of("new", false, null, null, source.id(), null, 0, 10)).getFirst();

		Document queue = Jsoup.parse(analyst.page("/admin/tracker/queue?q=" + key).body());
		assertThat(queue.select("#item-" + item.id() + " th").text()).contains(title);
		assertThat(queue.select("#item-" + item.id()).text()).contains("Admin fixture " + key);

		Api.Answer promoted = analyst.form("/admin/tracker/queue/promote",
				List.of(Map.entry("itemId", item.id().toString()), Map.entry("title", "Mirror-image bacteria")));
		assertThat(promoted.status()).as(promoted.body()).isEqualTo(302);
		String page = promoted.location().replaceAll("\\?.*$", "");
		assertThat(page).contains("/admin/tracker/developments/");

		Api.Answer unfinished = analyst.form(page + "/assessments",
				List.of(Map.entry("field", "synthetic-biology"), Map.entry("provisions", "BWC-I"),
						Map.entry("provisions", "BWC-IV"), Map.entry("trl", "high"),
						Map.entry("rationale", "A long rationale the analyst must not lose."),
						Map.entry("itemIds", item.id().toString())));
		assertThat(unfinished.status()).isEqualTo(400);
		Document assessment = Jsoup.parse(unfinished.body());
		assertThat(assessment.select("#trl-error").text()).isEqualTo("give a whole number");
		assertThat(assessment.select("textarea[name=rationale]").text())
			.isEqualTo("A long rationale the analyst must not lose.");
		assertThat(assessment.select("input[name=provisions][checked]").eachAttr("value")).containsExactly("BWC-I",
				"BWC-IV");
		assertThat(assessment.select("select[name=field] option[selected]").val()).isEqualTo("synthetic-biology");

		Api.Answer assessed = analyst.form(page + "/assessments",
				List.of(Map.entry("field", "synthetic-biology"), Map.entry("provisions", "BWC-I"),
						Map.entry("provisions", "BWC-IV"), Map.entry("implications", "risk"),
						Map.entry("implications", "governance-need"), Map.entry("trl", "2"),
						Map.entry("likelihood", "2"), Map.entry("impact", "5"), Map.entry("confidence", "medium"),
						Map.entry("hardMeasures", "Review of funding\nOversight of mirror-life work"),
						Map.entry("softMeasures", "A moratorium by the community"),
						Map.entry("rationale", "Internal reasoning."), Map.entry("itemIds", item.id().toString())));
		assertThat(assessed.status()).as(assessed.body()).isEqualTo(302);
		Document afterAssessment = Jsoup.parse(analyst.page(assessed.location()).body());
		assertThat(afterAssessment.select(".notice").text()).isEqualTo("Your assessment is recorded as a new version.");
		assertThat(afterAssessment.select("#assessments-heading + table, section table").text())
			.contains("BWC-I, BWC-IV");

		assertThat(analyst.form(page + "/hazard", List.of(Map.entry("hazard", "true"))).status()).isEqualTo(302);
		Api.Answer early = analyst.form(page + "/publish", List.of());
		assertThat(early.status()).isEqualTo(409);
		assertThat(Jsoup.parse(early.body()).select(".problem").text()).contains("Write a public summary");

		String summary = "Researchers discuss the biosafety of mirror-image bacteria.";
		assertThat(analyst.form(page + "/public-summary", List.of(Map.entry("publicSummary", summary))).status())
			.isEqualTo(302);
		Api.Answer ownReview = analyst.form(page + "/review", List.of());
		assertThat(ownReview.status()).isEqualTo(409);
		assertThat(Jsoup.parse(ownReview.body()).select(".problem").text()).contains("you wrote it");
		assertThat(admin.form(page + "/review", List.of()).status()).isEqualTo(302);
		Document reviewed = Jsoup.parse(admin.page(page).body());
		assertThat(reviewed.select("#hazard-heading + dl").text()).contains("Flagged").contains("Yes, by");
		Api.Answer published = admin.form(page + "/publish", List.of());
		assertThat(published.status()).as(published.body()).isEqualTo(302);
		assertThat(Jsoup.parse(admin.page(published.location()).body()).select(".notice").text())
			.isEqualTo("It is published.");

		Document list = Jsoup.parse(analyst.page("/admin/tracker/developments").body());
		assertThat(list.select("a[href=" + page.replaceAll("^https?://[^/]+", "") + "]").text())
			.isEqualTo("Mirror-image bacteria");
		Api.Answer reader = Api.anonymous(this.port).page("/tracker");
		assertThat(reader.body()).contains("Mirror-image bacteria").contains(summary);

		assertThat(analyst.page("/admin/tracker/developments/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

}
