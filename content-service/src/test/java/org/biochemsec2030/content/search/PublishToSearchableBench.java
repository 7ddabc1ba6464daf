package org.biochemsec2030.content.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.biochemsec2030.content.Api;
import org.biochemsec2030.content.Posts;
import org.biochemsec2030.platform.search.SearchQuery;
import org.biochemsec2030.platform.search.SiteSearch;
import org.biochemsec2030.platform.test.RealEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Publish → searchable: from the moment an editor's publish request is sent to
 * content-service's HTTP API to the moment the site search ({@link SiteSearch} over
 * {@code bcs-public}, what the gateway's search asks) returns the post. The path is the
 * publish transaction with its outbox row, the relay, Kafka, this service's own search
 * consumer, the upsert and Elasticsearch's refresh (the template's interval). One post at
 * a time, each waited for before the next. The relay and consumer run with their
 * production settings. Side by side, in blocks taken in turn on the same index, the same
 * path with a reference refresh interval ({@code bench.referenceRefresh}, 1 s: the
 * template's until it was halved). Not part of the build: run it as bench/README.md says.
 * It asserts nothing about time.
 */
@RealEngines
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bcs.test.identity=true", "bcs.content.scheduler.enabled=false", "logging.level.root=warn" })
// A bench runs as long as it has work; the build's default test timeout is for tests.
@Timeout(value = 3, unit = TimeUnit.HOURS)
class PublishToSearchableBench {

	private static final int WARM_UP = Integer.getInteger("bench.warmUp", 20);

	private static final int MEASURED = Integer.getInteger("bench.posts", 150);

	/** The refresh interval measured side by side with the template's. */
	private static final String REFERENCE = System.getProperty("bench.referenceRefresh", "1s");

	/** Posts per block; the two intervals take blocks in turn. */
	private static final int BLOCK = Integer.getInteger("bench.block", 25);

	/** How often the site search is asked while waiting. */
	private static final long POLL_MILLIS = Long.getLong("bench.pollMillis", 10);

	private static final long TIMEOUT_MILLIS = 30_000;

	@LocalServerPort
	int port;

	@Autowired
	SiteSearch siteSearch;

	@Autowired
	ElasticsearchClient elasticsearch;

	@Test
	void publishToSearchable() throws IOException {
		Api editor = new Api(this.port, "editor");
		awaitSignedIn(editor);
		for (int i = 0; i < WARM_UP; i++) {
			once(editor);
		}
		String template = refreshInterval();
		List<String> intervals = List.of(template, REFERENCE);
		Map<String, long[][]> measured = new LinkedHashMap<>();
		intervals.forEach((interval) -> measured.put(interval, new long[3][MEASURED]));
		// Blocks in turn, the first of each pair alternating, so that neither interval
		// meets a quieter stretch of the machine.
		for (int done = 0, block = 0; done < MEASURED; done += BLOCK, block++) {
			for (int turn = 0; turn < 2; turn++) {
				String interval = intervals.get((block + turn) % 2);
				setRefreshInterval(interval);
				long[][] into = measured.get(interval);
				for (int i = done; i < Math.min(MEASURED, done + BLOCK); i++) {
					long[] one = once(editor);
					for (int part = 0; part < 3; part++) {
						into[part][i] = one[part];
					}
				}
			}
		}
		setRefreshInterval(template);
		StringBuilder report = new StringBuilder();
		measured.forEach((interval, parts) -> {
			for (long[] part : parts) {
				Arrays.sort(part);
			}
			report.append(String.format(
					"publish -> searchable (site search, bcs-public), refresh_interval %s%s, %d posts"
							+ " one at a time (after %d warm-up), in blocks of %d taken in turn, polled every %d ms:"
							+ " p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms;"
							+ " the publish request alone: p50 %.0f ms, p99 %.0f ms;"
							+ " until the document is in the index (real-time get, before any refresh): p50 %.0f ms,"
							+ " p99 %.0f ms%n",
					interval, interval.equals(template) ? " (the template's)" : " (reference)", MEASURED, WARM_UP,
					BLOCK, POLL_MILLIS, percentile(parts[0], 50), percentile(parts[0], 90), percentile(parts[0], 99),
					parts[0][MEASURED - 1] / 1000.0, percentile(parts[1], 50), percentile(parts[1], 99),
					percentile(parts[2], 50), percentile(parts[2], 99)));
		});
		long[] ours = measured.get(template)[0];
		long[] reference = measured.get(REFERENCE)[0];
		report.append(String.format("ratio %s / %s: p50 %.2f, p99 %.2f%n", template, REFERENCE,
				percentile(ours, 50) / percentile(reference, 50), percentile(ours, 99) / percentile(reference, 99)));
		System.out.print(report);
		Path out = Path.of("target", "bench", "publish-to-searchable.txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
	}

	private String refreshInterval() throws IOException {
		return this.elasticsearch.indices()
			.getSettings((get) -> get.index("bcs-content"))
			.result()
			.values()
			.iterator()
			.next()
			.settings()
			.index()
			.refreshInterval()
			.time();
	}

	private void setRefreshInterval(String interval) throws IOException {
		this.elasticsearch.indices()
			.putSettings((put) -> put.index("bcs-content").settings((s) -> s.refreshInterval((t) -> t.time(interval))));
	}

	/**
	 * The time to searchable, the publish request's own time and the time until the
	 * document is in the index (a real-time get sees it before a refresh makes it
	 * searchable), in microseconds.
	 */
	private long[] once(Api editor) throws IOException {
		String word = "probe" + Posts.unique();
		Map<String, Object> input = Posts.post("Screening bench " + word,
				"A post that exists to be found by the site search.",
				"Providers of synthetic DNA screen orders. Marker " + word + ".", List.of("synthetic-biology"),
				List.of("BWC"), List.of("bench"));
		Api.Response created = editor.post("/api/content/v1/posts", input);
		if (created.status() != 201) {
			throw new IllegalStateException("create answered " + created.status() + ": " + created.body());
		}
		String id = created.json().path("id").asString();
		long start = System.nanoTime();
		Api.Response published = editor.post("/api/content/v1/posts/" + id + "/publish");
		long publishedAt = System.nanoTime();
		if (published.status() != 200) {
			throw new IllegalStateException("publish answered " + published.status() + ": " + published.body());
		}
		String url = "/blog/" + published.json().path("slug").asString();
		SearchQuery query = SearchQuery.of(word);
		long deadline = start + TIMEOUT_MILLIS * 1_000_000;
		long indexed = -1;
		while (true) {
			if (indexed < 0
					&& this.elasticsearch.get((get) -> get.index("bcs-content").id("post-" + id), Map.class).found()) {
				indexed = System.nanoTime();
			}
			boolean found = this.siteSearch.search(query).hits().stream().anyMatch((hit) -> url.equals(hit.url()));
			long now = System.nanoTime();
			if (found) {
				indexed = (indexed < 0) ? now : indexed;
				return new long[] { (now - start) / 1000, (publishedAt - start) / 1000, (indexed - start) / 1000 };
			}
			if (now > deadline) {
				throw new IllegalStateException(url + " not searchable after " + TIMEOUT_MILLIS + " ms");
			}
			sleep(POLL_MILLIS);
		}
	}

	/**
	 * The service reads the realm's keys at the first signed-in request; a freshly
	 * started Keycloak on a busy machine can be too slow for that first read.
	 */
	private static void awaitSignedIn(Api editor) {
		long deadline = System.nanoTime() + 120_000_000_000L;
		int status;
		while ((status = editor.get("/api/content/v1/editorial/posts?status=draft").status()) != 200) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("editorial list still answers " + status);
			}
			sleep(1000);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static double percentile(long[] sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1000.0;
	}

}
