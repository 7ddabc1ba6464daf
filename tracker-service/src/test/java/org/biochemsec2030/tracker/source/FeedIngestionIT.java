package org.biochemsec2030.tracker.source;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.test.RealEngines;
import org.biochemsec2030.tracker.item.ItemService;
import org.biochemsec2030.tracker.item.ItemView;
import org.biochemsec2030.tracker.support.InvalidInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Ingestion against real PostgreSQL from feeds served on loopback: every format, the
 * conditional GET, broken, failing and slow sites, and one article reported by three
 * sources under three addresses. The tests share the fixtures' articles, so they run in
 * order: the first one sees them new.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bcs.tracker.poller.enabled=false", "bcs.tracker.fetch.read-timeout=3s",
				"bcs.tracker.fetch.connect-timeout=3s", "bcs.tracker.poller.batch=200", TestFeeds.LOOPBACK })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@RealEngines
class FeedIngestionIT {

	private static final Actor ANALYST = new Actor("analyst-1", "ana", List.of("analyst"));

	private static TestFeeds server;

	@Autowired
	private SourceService sources;

	@Autowired
	private ItemService items;

	@Autowired
	private JdbcClient jdbc;

	@BeforeAll
	static void startSites() {
		server = TestFeeds.start();
	}

	@AfterAll
	static void stopSites() {
		server.close();
	}

	@Test
	@Order(1)
	void readsEveryFormatIntoCleanItemsAndRecognisesOneArticleFromThreeSources() {
		Instant now = Instant.parse("2026-03-05T08:00:00Z");
		SourceHealth journal = add("Example Journal", "/rss2.xml");
		SourceHealth preprints = add("Example Preprints", "/rss1.rdf");
		SourceHealth news = add("Example Science News", "/atom.xml");
		SourceHealth blog = add("Example Policy Blog", "/feed.json");

		PollOutcome rss = this.sources.pollNow(journal.id(), now);
		PollOutcome rdf = this.sources.pollNow(preprints.id(), now);
		PollOutcome atom = this.sources.pollNow(news.id(), now);
		PollOutcome json = this.sources.pollNow(blog.id(), now);

		assertThat(List.of(rss, rdf, atom, json)).allSatisfy(outcome -> assertThat(outcome.status()).isEqualTo("200"));
		assertThat(rss.ingest().newItems()).isEqualTo(2);
		assertThat(rdf.ingest().newItems()).isEqualTo(1);
		assertThat(atom.ingest().newItems()).isEqualTo(1);
		assertThat(atom.ingest().duplicates()).isEqualTo(1);
		assertThat(json.ingest().entries()).isEqualTo(3);
		assertThat(json.ingest().newItems()).isZero();
		assertThat(json.ingest().duplicates()).isEqualTo(2);
		assertThat(json.ingest().skipped()).isEqualTo(1);

		ItemView benchtop = itemReportedBy(journal.id(), "https://journal.example/articles/syn-2026-042");
		assertThat(benchtop.title()).isEqualTo("Benchtop DNA synthesisers bypass sequence screening, study finds");
		assertThat(benchtop.doi()).isEqualTo("10.5555/syn.2026.042");
		assertThat(benchtop.publishedAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
		assertThat(benchtop.summary())
			.isEqualTo("A study of six benchtop devices found that screening could be bypassed.");
		Map<UUID, String> matchedBy = benchtop.reports()
			.stream()
			.collect(Collectors.toMap(ItemView.Report::sourceId, ItemView.Report::matchedBy));
		assertThat(matchedBy)
			.containsExactlyInAnyOrderEntriesOf(Map.of(journal.id(), "first", news.id(), "doi", blog.id(), "title"));
		assertThat(benchtop.reports()).extracting(ItemView.Report::url)
			.containsExactlyInAnyOrder("https://journal.example/articles/syn-2026-042",
					"https://news.example/2026/03/benchtop-synthesis-screening", "https://blog.example/p/benchtop");

		ItemView cellFree = itemReportedBy(journal.id(), "https://journal.example/articles/cf-2026-017");
		assertThat(cellFree.summary())
			.isEqualTo("Freeze-dried cell-free kits produce proteins at room temperature & without a lab.");
		assertThat(cellFree.reports()).extracting(ItemView.Report::matchedBy).containsExactly("first", "url");

		ItemView preprint = itemReportedBy(preprints.id(), "https://preprints.example/abs/2026.02.27.1234");
		assertThat(preprint.doi()).isEqualTo("10.5555/pre.2026.1234");
		assertThat(preprint.publishedAt()).isEqualTo(Instant.parse("2026-02-27T12:00:00Z"));

		ItemView satellite = itemReportedBy(news.id(), "https://news.example/2026/03/satellite-verification");
		assertThat(satellite.publishedAt()).isEqualTo(Instant.parse("2026-03-04T10:00:00Z"));

		assertThat(this.sources.health(journal.id()).itemsSeen()).isEqualTo(2);
		assertThat(this.sources.health(blog.id()).itemsSeen()).isEqualTo(2);
		assertThat(this.sources.health(blog.id()).lastSuccessAt()).isEqualTo(now);
	}

	@Test
	@Order(2)
	void pollingAgainChangesNothing() {
		Instant now = Instant.parse("2026-03-05T09:00:00Z");
		SourceHealth journal = add("Example Journal again", "/rss2.xml?again");
		this.sources.pollNow(journal.id(), now);
		int before = this.items.all().size();
		PollOutcome again = this.sources.pollNow(journal.id(), now.plusSeconds(3600));
		assertThat(again.ingest().newItems()).isZero();
		assertThat(again.ingest().newReports()).isZero();
		assertThat(this.items.all()).hasSize(before);
		assertThat(this.sources.health(journal.id()).itemsSeen()).isEqualTo(2);
	}

	@Test
	@Order(3)
	void asksWithTheEtagAndStoresNothingWhenTheFeedIsUnchanged() {
		Instant now = Instant.parse("2026-03-05T10:00:00Z");
		SourceHealth digest = add("Example Arms Control Digest", "/etag.xml");
		PollOutcome first = this.sources.pollNow(digest.id(), now);
		PollOutcome second = this.sources.pollNow(digest.id(), now.plusSeconds(3600));

		assertThat(first.status()).isEqualTo("200");
		assertThat(first.ingest().newItems()).isEqualTo(1);
		assertThat(second.status()).isEqualTo("304");
		assertThat(second.ingest()).isNull();
		List<Map<String, String>> asked = server.requests("/etag.xml");
		assertThat(asked.get(asked.size() - 2)).doesNotContainKey("if-none-match");
		assertThat(asked.get(asked.size() - 1)).containsEntry("if-none-match", TestFeeds.ETAG);
		assertThat(asked.get(asked.size() - 1).get("user-agent")).startsWith("BioChemSec2030-Tracker/");
		SourceHealth health = this.sources.health(digest.id());
		assertThat(health.lastStatus()).isEqualTo("304");
		assertThat(health.lastSuccessAt()).isEqualTo(now.plusSeconds(3600));
		assertThat(health.nextPollAt()).isEqualTo(now.plusSeconds(3600).plus(Duration.ofMinutes(60)));
		assertThat(health.itemsSeen()).isEqualTo(1);
	}

	@Test
	@Order(4)
	void asksWithLastModifiedAndGets304() {
		Instant now = Instant.parse("2026-03-05T11:00:00Z");
		SourceHealth news = add("Example Science News again", "/atom.xml?again");
		assertThat(this.sources.pollNow(news.id(), now).status()).isEqualTo("200");
		assertThat(this.sources.pollNow(news.id(), now.plusSeconds(60)).status()).isEqualTo("304");
		List<Map<String, String>> asked = server.requests("/atom.xml");
		assertThat(asked.get(asked.size() - 1)).containsEntry("if-modified-since", TestFeeds.LAST_MODIFIED);
	}

	@Test
	@Order(5)
	void recordsABrokenFeedAsAFailureAndBacksOff() {
		Instant now = Instant.parse("2026-03-05T12:00:00Z");
		SourceHealth broken = add("Broken feed", "/broken.xml");
		PollOutcome first = this.sources.pollNow(broken.id(), now);
		PollOutcome second = this.sources.pollNow(broken.id(), now.plusSeconds(60));
		PollOutcome third = this.sources.pollNow(broken.id(), now.plusSeconds(180));

		assertThat(first.status()).isEqualTo("failed");
		assertThat(first.error()).isEqualTo("not a readable RSS or Atom feed");
		SourceHealth health = this.sources.health(broken.id());
		assertThat(health.healthy()).isFalse();
		assertThat(health.consecutiveFailures()).isEqualTo(3);
		assertThat(health.lastErrorAt()).isEqualTo(now.plusSeconds(180));
		assertThat(health.lastSuccessAt()).isNull();
		assertThat(health.nextPollAt()).isEqualTo(now.plusSeconds(180).plus(Duration.ofMinutes(4)));
		assertThat(second.status()).isEqualTo("failed");
		assertThat(third.status()).isEqualTo("failed");
	}

	@Test
	@Order(6)
	void recordsServerErrorsAndPagesThatAreNotFeeds() {
		Instant now = Instant.parse("2026-03-05T13:00:00Z");
		assertThat(this.sources.pollNow(add("Failing site", "/failing.xml").id(), now).error()).isEqualTo("HTTP 500");
		assertThat(this.sources.pollNow(add("A web page", "/html").id(), now).error())
			.isEqualTo("not a feed: neither XML (RSS, Atom) nor JSON Feed");
		assertThat(this.sources.pollNow(add("Missing feed", "/gone.xml").id(), now).error()).isEqualTo("HTTP 404");
	}

	@Test
	@Order(7)
	void givesUpOnASlowFeedAtTheReadTimeout() {
		Instant now = Instant.parse("2026-03-05T14:00:00Z");
		SourceHealth slow = add("Slow site", "/slow.xml");
		PollOutcome outcome = this.sources.pollNow(slow.id(), now);
		assertThat(outcome.status()).isEqualTo("failed");
		assertThat(outcome.error()).matches("no (complete )?answer within 3 s");
		assertThat(this.sources.health(slow.id()).lastError()).isEqualTo(outcome.error());
	}

	@Test
	@Order(8)
	void pollsDueSourcesAndThenWaitsForTheirInterval() {
		SourceHealth due = add("Due source", "/etag.xml?due", 30);
		Instant now = due.nextPollAt().plusSeconds(1);
		List<PollOutcome> outcomes = this.sources.pollDue(now);
		assertThat(outcomes).extracting(PollOutcome::sourceId).contains(due.id());
		assertThat(this.sources.health(due.id()).nextPollAt()).isEqualTo(now.plus(Duration.ofMinutes(30)));
		assertThat(this.sources.pollDue(now.plus(Duration.ofMinutes(29)))).extracting(PollOutcome::sourceId)
			.doesNotContain(due.id());
		assertThat(this.sources.pollDue(now.plus(Duration.ofMinutes(30)))).extracting(PollOutcome::sourceId)
			.contains(due.id());
	}

	@Test
	@Order(9)
	void refusesSourcesOnInternalNetworksWhenTheyAreRegistered() {
		for (String internal : List.of("http://10.0.0.5/feed.xml", "http://169.254.169.254/latest/meta-data/",
				"http://192.168.1.20:8080/rss", "http://[::1]/feed", "http://metadata.google.internal/",
				"http://2130706433/feed")) {
			assertThatThrownBy(() -> this.sources.add(new SourceInput("Internal", internal, null), ANALYST))
				.isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.problems()).singleElement()
					.satisfies(problem -> assertThat(problem.field()).isEqualTo("url")));
		}
		assertThat(this.sources.health()).extracting(SourceHealth::url)
			.noneMatch(url -> url.contains("10.0.0.5") || url.contains("169.254"));
	}

	@Test
	@Order(10)
	void followsARedirectToAnotherFeedButNotIntoAnInternalNetwork() {
		Instant now = Instant.parse("2026-03-05T15:00:00Z");
		assertThat(this.sources.pollNow(add("Moved feed", "/moved.xml").id(), now).status()).isEqualTo("200");
		for (String path : List.of("/to-internal.xml", "/to-metadata.xml")) {
			PollOutcome refused = this.sources.pollNow(add("Redirecting " + path, path).id(), now);
			assertThat(refused.status()).isEqualTo("failed");
			assertThat(refused.error()).isEqualTo(FeedFetcher.REFUSED)
				.doesNotContain("10.255")
				.doesNotContain("169.254");
		}
	}

	@Test
	@Order(11)
	void checksAStoredAddressAgainWhenItIsPolled() {
		// A source stored before the rules were tightened (or by hand): the poll checks
		// the
		// address again and never makes the request.
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into source (id, name, url, poll_every_seconds, next_poll_at, created_at, created_by)
				values (:id, 'Old internal source', 'http://10.0.0.9/feed.xml', 3600, now(), now(), 'test')""")
			.param("id", id)
			.update();
		PollOutcome outcome = this.sources.pollNow(id, Instant.parse("2026-03-05T16:00:00Z"));
		assertThat(outcome.status()).isEqualTo("failed");
		assertThat(outcome.error()).contains("private");
		assertThat(this.sources.health(id).consecutiveFailures()).isEqualTo(1);
	}

	private SourceHealth add(String name, String path) {
		return add(name, path, null);
	}

	private SourceHealth add(String name, String path, Integer minutes) {
		return this.sources.add(new SourceInput(name, server.url(path), minutes), ANALYST);
	}

	private ItemView itemReportedBy(UUID sourceId, String url) {
		return this.items.all()
			.stream()
			.filter(item -> item.reports()
				.stream()
				.anyMatch(report -> report.sourceId().equals(sourceId) && report.url().equals(url)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no item from " + url));
	}

}
