package org.biochemsec2030.tracker.trends;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.taxonomy.Topic;
import org.biochemsec2030.tracker.Api;
import org.biochemsec2030.tracker.TrackerServiceTest;
import org.biochemsec2030.tracker.assessment.AssessmentInput;
import org.biochemsec2030.tracker.assessment.AssessmentService;
import org.biochemsec2030.tracker.development.DevelopmentService;
import org.biochemsec2030.tracker.development.DevelopmentView;
import org.biochemsec2030.tracker.development.PromoteRequest;
import org.biochemsec2030.tracker.item.FeedEntry;
import org.biochemsec2030.tracker.item.ItemService;
import org.biochemsec2030.tracker.item.ItemView;
import org.biochemsec2030.tracker.item.QueueFilter;
import org.biochemsec2030.tracker.item.Reporter;
import org.biochemsec2030.tracker.publication.PublicationService;
import org.biochemsec2030.tracker.source.SourceHealth;
import org.biochemsec2030.tracker.source.SourceInput;
import org.biochemsec2030.tracker.source.SourceService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trends page ({@code /tracker/trends}: one SQL query over the published developments
 * and their assessments, three series, three SVG charts and their tables) over HTTP on
 * loopback against the real engines, with {@code bench.developments} published
 * developments (300 by default: the tracker's expected size is hundreds), each assessed
 * by two analysts, spread over three years of quarters. Timed one request at a time, then
 * with {@code bench.clients} at once. Its name matches neither {@code *Tests} nor
 * {@code *IT}: the build never runs it ({@code bench/tracker/run.sh} does).
 */
@TrackerServiceTest
// A bench runs as long as it has work; the build's default test timeout is for tests.
@Timeout(value = 3, unit = TimeUnit.HOURS)
class TrendsPageBench {

	private static final int DEVELOPMENTS = Integer.getInteger("bench.developments", 300);

	private static final int PAGES = Integer.getInteger("bench.pages", 2000);

	private static final int CLIENTS = Integer.getInteger("bench.clients", 8);

	private static final List<Actor> ANALYSTS = List.of(new Actor("bench-analyst-1", "one", List.of("analyst")),
			new Actor("bench-analyst-2", "two", List.of("analyst")));

	private static final List<List<String>> PROVISIONS = List.of(List.of("BWC-IV", "1540-OP3"),
			List.of("CWC-VI", "CWC-VA"), List.of("BWC-X"), List.of("BWC-I", "CWC-I", "1540-OP1"), List.of("2118"));

	@LocalServerPort
	int port;

	@Autowired
	SourceService sources;

	@Autowired
	ItemService items;

	@Autowired
	DevelopmentService developments;

	@Autowired
	AssessmentService assessments;

	@Autowired
	PublicationService publications;

	@Test
	void timesTheTrendsPage() throws Exception {
		String key = UUID.randomUUID().toString().substring(0, 8);
		SourceHealth source = this.sources.add(
				new SourceInput("Trends bench " + key, "https://trends-" + key + ".example/feed.xml", null),
				ANALYSTS.get(0));
		Instant start = Instant.parse("2024-01-01T00:00:00Z");
		List<FeedEntry> entries = new ArrayList<>();
		for (int i = 0; i < DEVELOPMENTS; i++) {
			entries.add(new FeedEntry(null, "https://trends-" + key + ".example/a/" + i,
					"Trends bench " + key + " article number " + i + " " + UUID.randomUUID(), "Summary " + i,
					start.plusSeconds(3L * 365 * 86_400 * i / DEVELOPMENTS)));
		}
		this.items.ingest(new Reporter(source.id(), source.name(), source.url()), entries, Instant.now());
		List<ItemView> stored = new ArrayList<>();
		for (int page = 0; stored.size() < DEVELOPMENTS; page++) {
			List<ItemView> more = this.items
				.queue(QueueFilter.of("all", false, null, null, source.id(), null, page, 100));
			if (more.isEmpty()) {
				break;
			}
			stored.addAll(more);
		}
		Topic[] topics = Topic.values();
		long madeFrom = System.nanoTime();
		for (int i = 0; i < stored.size(); i++) {
			UUID item = stored.get(i).id();
			DevelopmentView development = this.developments.promote(new PromoteRequest(List.of(item), null, null),
					ANALYSTS.get(0));
			for (int a = 0; a < ANALYSTS.size(); a++) {
				this.assessments.record(development.id(),
						new AssessmentInput(topics[(i + a) % topics.length].slug(),
								PROVISIONS.get((i + 2 * a) % PROVISIONS.size()), List.of("risk", "benefit"),
								1 + (i * 7 + a * 3) % 9, 3, 3, "medium", List.of(), List.of("Awareness"),
								"Bench rationale.", List.of(item)),
						ANALYSTS.get(a));
			}
			this.publications.writePublicSummary(development.id(), "Bench public summary " + i, ANALYSTS.get(0));
			this.publications.publish(development.id(), ANALYSTS.get(0));
		}
		double madeSeconds = (System.nanoTime() - madeFrom) / 1e9;

		Api reader = Api.anonymous(this.port);
		for (int i = 0; i < 100; i++) {
			assertThat(reader.page("/tracker/trends").status()).isEqualTo(200);
		}
		long[] alone = new long[PAGES];
		for (int i = 0; i < PAGES; i++) {
			long t = System.nanoTime();
			Api.Answer page = reader.page("/tracker/trends");
			alone[i] = System.nanoTime() - t;
			assertThat(page.status()).isEqualTo(200);
		}
		long[] together = new long[PAGES];
		long concurrentFrom = System.nanoTime();
		try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				int client = c;
				running.add(clients.submit(() -> {
					for (int i = client; i < PAGES; i += CLIENTS) {
						long t = System.nanoTime();
						int status = reader.page("/tracker/trends").status();
						together[i] = System.nanoTime() - t;
						assertThat(status).isEqualTo(200);
					}
				}));
			}
			for (Future<?> client : running) {
				client.get();
			}
		}
		double concurrentSeconds = (System.nanoTime() - concurrentFrom) / 1e9;
		int published = this.publications.published().size();
		String report = String.join("\n",
				String.format(Locale.ROOT,
						"%d developments made, assessed twice and published in %.1f s; published in the database: %d",
						stored.size(), madeSeconds, published),
				line("/tracker/trends, one client", alone), line("/tracker/trends, " + CLIENTS + " clients", together)
						+ String.format(Locale.ROOT, " (%.0f pages/s)", PAGES / concurrentSeconds))
				+ "\n";
		Path out = Path.of("target/bench/tracker-trends.txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.print(report);
	}

	private static String line(String what, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return String.format(Locale.ROOT, "%s: n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms", what,
				sorted.length, millis(sorted, 50), millis(sorted, 90), millis(sorted, 99), millis(sorted, 100));
	}

	private static double millis(long[] sorted, int p) {
		int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1_000_000.0;
	}

}
