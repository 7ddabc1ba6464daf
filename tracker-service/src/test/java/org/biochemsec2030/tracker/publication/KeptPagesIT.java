package org.biochemsec2030.tracker.publication;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.test.Identity;
import org.biochemsec2030.platform.test.KeptPages;
import org.biochemsec2030.tracker.Analysis;
import org.biochemsec2030.tracker.Api;
import org.biochemsec2030.tracker.Developments;
import org.biochemsec2030.tracker.TrackerServiceTest;
import org.biochemsec2030.tracker.development.DevelopmentView;
import org.biochemsec2030.tracker.item.FeedEntry;
import org.biochemsec2030.tracker.item.ItemService;
import org.biochemsec2030.tracker.item.Reporter;
import org.biochemsec2030.tracker.source.SourceHealth;
import org.biochemsec2030.tracker.source.SourceInput;
import org.biochemsec2030.tracker.source.SourceService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracker's public pages are kept once rendered (platform/pages), and the next
 * anonymous read after a publication, an edit and a withdrawal shows the change on every
 * page that carries the development: the list, its page, the trends and their series, the
 * feed and the S&amp;T review that covers its date. Polls and ingestion, which write all
 * the time, leave the kept pages alone unless they touch what a page shows.
 */
@TrackerServiceTest
class KeptPagesIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Actor DESK = new Actor("kept-pages-analyst", "kept pages", List.of("analyst"));

	private static final String REVIEW = "/tracker/review/BWC/2026-03-01/2026-03-31";

	private static final String SERIES = "/tracker/trends/fields-by-quarter.csv";

	@LocalServerPort
	int port;

	@Autowired
	Developments developments;

	@Autowired
	SourceService sources;

	@Autowired
	ItemService items;

	@Test
	void theNextReadAfterEachChangeShowsItOnEveryPageThatCarriesTheDevelopment() throws Exception {
		Api analyst = new Api(this.port, "analyst");
		String key = UUID.randomUUID().toString().substring(0, 8);
		DevelopmentView development = this.developments.of("Kept pages " + key + ": benchtop synthesiser ships",
				"A vendor announced it.");
		String title = development.title();
		String page = "/tracker/" + development.slug();
		for (String path : List.of("/tracker", "/tracker/trends", SERIES, "/tracker/feed.atom", REVIEW)) {
			pages().assertKeptOrFresh(path);
			assertThat(pages().read(path).body()).as(path).doesNotContain(title);
		}
		String trendsBefore = pages().read("/tracker/trends").body();
		String seriesBefore = pages().read(SERIES).body();

		Analysis.assess(analyst, development, 5, "chemical-synthesis", List.of("BWC-I", "CWC-VI"), "Sold openly.");
		Analysis.publish(analyst, development, "Benchtop synthesisers " + key + " are sold to laboratories.");
		for (String path : List.of(page, "/tracker", "/tracker/feed.atom", REVIEW)) {
			assertThat(pages().read(path).body()).as("after the publication: " + path).contains(title);
		}
		assertThat(pages().read("/tracker/trends").body()).as("after the publication: the trends")
			.isNotEqualTo(trendsBefore);
		assertThat(pages().read(SERIES).body()).as("after the publication: a series").isNotEqualTo(seriesBefore);
		pages().assertKeptOrFresh(page);

		String edited = "Kept pages " + key + ": benchtop synthesiser recalled";
		Api.Answer edit = analyst.put("/api/tracker/v1/analysis/developments/" + development.id(),
				Map.of("title", edited, "summary", "The vendor recalled it."));
		assertThat(edit.status()).as(edit.body()).isEqualTo(200);
		for (String path : List.of(page, "/tracker", "/tracker/feed.atom", REVIEW)) {
			assertThat(pages().read(path).body()).as("after the edit: " + path).contains(edited);
		}
		// The article keeps its own title, shown as evidence on its page and in the
		// review.
		for (String path : List.of("/tracker", "/tracker/feed.atom")) {
			assertThat(pages().read(path).body()).as("after the edit: " + path).doesNotContain(title);
		}

		String trendsPublished = pages().read("/tracker/trends").body();
		Api.Answer withdrawn = analyst.post(Analysis.gate(development) + "/withdraw", "");
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		assertThat(pages().answer(page).statusCode()).as("after the withdrawal: its page").isEqualTo(404);
		for (String path : List.of("/tracker", "/tracker/feed.atom", REVIEW)) {
			assertThat(pages().read(path).body()).as("after the withdrawal: " + path).doesNotContain(edited);
		}
		assertThat(pages().read("/tracker/trends").body()).as("after the withdrawal: the trends")
			.isNotEqualTo(trendsPublished);
	}

	@Test
	void aNewReportOfAPublishedDevelopmentsArticleShowsAsEvidence() throws Exception {
		String key = UUID.randomUUID().toString().substring(0, 8);
		DevelopmentView development = this.developments.of("Kept evidence " + key + ": field assay validated",
				"Validated in three clinics.");
		Api analyst = new Api(this.port, "analyst");
		Analysis.assess(analyst, development, 6, "detection-verification", List.of("BWC-VII"), "Validated.");
		Analysis.publish(analyst, development, "A field assay " + key + " was validated.");
		String page = "/tracker/" + development.slug();
		pages().assertKeptOrFresh(page);
		String article = pages().read(page).body().replaceAll("(?s).*href=\"(https://fixture-[^\"]+)\".*", "$1");
		assertThat(article).startsWith("https://fixture-");

		SourceHealth second = this.sources
			.add(new SourceInput("Second source " + key, "https://second-" + key + ".example/feed.xml", null), DESK);
		this.items.ingest(
				new Reporter(second.id(), second.name(), second.url()), List.of(new FeedEntry(null, article,
						"Field assay validated", "Also reported.", Instant.parse("2026-03-10T09:00:00Z"))),
				Instant.parse("2026-03-10T10:00:00Z"));
		assertThat(pages().read(page).body()).as("the second report, as evidence").contains("Second source " + key);
	}

	@Test
	void ingestionOfArticlesOnNoPublicPageLeavesTheSiteVersionAlone() throws Exception {
		String key = UUID.randomUUID().toString().substring(0, 8);
		long before = pages().version();
		SourceHealth source = this.sources.add(
				new SourceInput("Unpublished source " + key, "https://unpublished-" + key + ".example/feed.xml", null),
				DESK);
		this.items.ingest(new Reporter(source.id(), source.name(), source.url()),
				List.of(new FeedEntry(null, "https://unpublished-" + key + ".example/a", "An article " + key,
						"Not assessed.", Instant.parse("2026-03-10T09:00:00Z"))),
				Instant.parse("2026-03-10T10:00:00Z"));
		assertThat(pages().version()).as("a new source and its article are on no public page").isEqualTo(before);

		this.developments.of("Kept version " + key + ": a development", "Promoted.");
		assertThat(pages().version()).as("a development").isGreaterThan(before);
	}

	@Test
	void aSignedInReadIsNeverServedFromTheKeptPages() throws Exception {
		pages().assertKeptOrFresh("/tracker");
		HttpResponse<String> signedIn = HTTP.send(
				pages().request("/tracker").header("Authorization", "Bearer " + Identity.tokenFor("analyst")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(200);
		assertThat(signedIn.headers().firstValue("ETag")).isEmpty();
		assertThat(signedIn.headers().firstValue("Cache-Control").orElse("")).as("Spring Security's default")
			.contains("no-store");
	}

	private KeptPages pages() {
		return new KeptPages(this.port, "tracker");
	}

}
