package org.biochemsec2030.tracker.item;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.tracker.TrackerServiceTest;
import org.biochemsec2030.tracker.source.SourceHealth;
import org.biochemsec2030.tracker.source.SourceInput;
import org.biochemsec2030.tracker.source.SourceService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingestion and de-duplication at 100,000 items, through {@link ItemService#ingest} (the
 * one way in, as every poll goes) against the tests' real PostgreSQL: (a) the items
 * arriving in feeds of 500 entries, all new, timed per feed; then, with those stored, (b)
 * one entry per transaction of each kind a poll meets: the same address with tracking
 * parameters, the same DOI under another address, a near-identical title under another
 * address, and a new article; each timed, and checked for landing on the right item.
 * Fetching and parsing are not part of it. Its name matches neither {@code *Tests} nor
 * {@code *IT}: the build never runs it ({@code bench/tracker/run.sh} does).
 */
@TrackerServiceTest
// A bench runs as long as it has work; the build's default test timeout is for tests.
@Timeout(value = 3, unit = TimeUnit.HOURS)
class IngestionBench {

	private static final int ITEMS = Integer.getInteger("bench.items", 100_000);

	private static final int FEED = Integer.getInteger("bench.feedSize", 500);

	private static final int PROBES = Integer.getInteger("bench.probes", 1000);

	private static final Actor DESK = new Actor("bench-analyst", "bench", List.of("analyst"));

	/**
	 * Words of the field, drawn often, so titles share words as real ones do; the rest of
	 * a title comes from a larger made-up vocabulary.
	 */
	private static final List<String> COMMON = List.of("protein", "design", "synthesis", "gene", "editing", "model",
			"screening", "detection", "sensor", "toxin", "pathogen", "vaccine", "enzyme", "chemical", "agent",
			"laboratory", "automated", "field", "portable", "sequencing", "genome", "cell", "free", "expression",
			"surveillance", "wastewater", "control", "export", "policy", "treaty", "verification", "inspection",
			"drone", "delivery", "aerosol", "nanoparticle", "antibody", "diagnostic", "rapid", "study", "researchers",
			"new", "method", "platform", "machine", "learning", "AI", "biosafety", "biosecurity", "synthetic");

	@Autowired
	ItemService items;

	@Autowired
	SourceService sources;

	@Autowired
	JdbcClient jdbc;

	@Test
	void ingestsAndDeduplicatesAtScale() throws Exception {
		String key = UUID.randomUUID().toString().substring(0, 8);
		Reporter first = reporter("Bench wire " + key, "https://bench-" + key + ".example/feed.xml");
		Reporter second = reporter("Bench mirror " + key, "https://mirror-" + key + ".example/feed.xml");
		Random random = new Random(42);
		Instant start = Instant.parse("2025-01-01T00:00:00Z");
		long stepSeconds = Duration.ofDays(700).toSeconds() / ITEMS;
		List<FeedEntry> originals = new ArrayList<>(ITEMS);
		List<List<String>> titleWords = new ArrayList<>(ITEMS);
		for (int i = 0; i < ITEMS; i++) {
			List<String> words = title(random);
			titleWords.add(words);
			String summary = "Bench article " + i + ((i % 3 == 0) ? " (doi:10.5555/bench-" + key + "." + i + ")" : "");
			originals.add(new FeedEntry(null, "https://bench-" + key + ".example/a/" + i, String.join(" ", words),
					summary, start.plusSeconds(stepSeconds * i)));
		}

		// (a) All new, a feed at a time.
		long[] feeds = new long[(ITEMS + FEED - 1) / FEED];
		int stored = 0;
		long began = System.nanoTime();
		long firstTenth = 0;
		long lastTenthFrom = 0;
		for (int f = 0; f < feeds.length; f++) {
			List<FeedEntry> feed = originals.subList(f * FEED, Math.min(ITEMS, (f + 1) * FEED));
			if (f == feeds.length - feeds.length / 10) {
				lastTenthFrom = System.nanoTime();
			}
			long t = System.nanoTime();
			IngestReport report = this.items.ingest(first, feed, start.plusSeconds(stepSeconds * (f + 1L) * FEED));
			feeds[f] = System.nanoTime() - t;
			stored += report.newItems();
			if (f == feeds.length / 10 - 1) {
				firstTenth = System.nanoTime() - began;
			}
		}
		long total = System.nanoTime() - began;
		long lastTenth = System.nanoTime() - lastTenthFrom;
		int tenth = (feeds.length / 10) * FEED;

		// (b) One entry per transaction of each kind, with the 100,000 stored.
		Map<String, String> expected = new HashMap<>();
		Kind[] kinds = Kind.values();
		Map<Kind, long[]> nanos = new HashMap<>();
		Map<Kind, Integer> asExpected = new HashMap<>();
		for (Kind kind : kinds) {
			nanos.put(kind, new long[PROBES]);
			asExpected.put(kind, 0);
		}
		for (int p = 0; p < PROBES; p++) {
			for (Kind kind : kinds) {
				// Articles with a DOI are every third; the DOI probe takes one of those,
				// the title probe one without (a DOI on both sides that differs would
				// rightly keep them apart).
				int i = switch (kind) {
					case DOI -> 3 * random.nextInt(ITEMS / 3);
					case TITLE -> 3 * random.nextInt(ITEMS / 3) + 1;
					default -> random.nextInt(ITEMS);
				};
				FeedEntry original = originals.get(i);
				String url = "https://mirror-" + key + ".example/" + kind.name().toLowerCase(Locale.ROOT) + "/" + p;
				FeedEntry probe = switch (kind) {
					case URL -> new FeedEntry(null, original.link() + "?utm_source=bench&utm_medium=feed",
							"Other headline for the same page " + p, "Via the mirror.", original.publishedAt());
					case DOI -> new FeedEntry(null, url, String.join(" ", title(random)),
							"The paper: doi:10.5555/bench-" + key + "." + i, original.publishedAt().plusSeconds(3600));
					case TITLE -> new FeedEntry(null, url, nearly(titleWords.get(i)), "Reported again.",
							original.publishedAt().plusSeconds(86_400));
					case NEW -> new FeedEntry(null, url, String.join(" ", title(random)), "A new article.",
							start.plusSeconds(stepSeconds * random.nextInt(ITEMS)));
				};
				long t = System.nanoTime();
				IngestReport report = this.items.ingest(second, List.of(probe), Instant.now());
				nanos.get(kind)[p] = System.nanoTime() - t;
				boolean duplicate = report.duplicates() == 1;
				if (kind == Kind.NEW ? !duplicate && report.newItems() == 1 : duplicate) {
					asExpected.merge(kind, 1, Integer::sum);
				}
				if (kind != Kind.NEW) {
					expected.put(kind == Kind.URL ? original.link() + "#" + p : url, original.link());
				}
			}
		}
		// A duplicate counts as found only when it joined its own article's item.
		Map<String, UUID> itemByUrl = new HashMap<>();
		this.jdbc.sql("select url, item_id from item_report where source_id in (:first, :second)")
			.param("first", first.id())
			.param("second", second.id())
			.query(rs -> {
				itemByUrl.put(rs.getString("url"), rs.getObject("item_id", UUID.class));
			});
		int rightItem = 0;
		int urlProbes = 0;
		for (Map.Entry<String, String> pair : expected.entrySet()) {
			if (pair.getKey().contains("#")) {
				// The tracking parameters are stripped: the report is under the
				// original's
				// address, from the second source; its count above says it matched.
				urlProbes++;
				continue;
			}
			UUID dup = itemByUrl.get(pair.getKey());
			if (dup != null && dup.equals(itemByUrl.get(pair.getValue()))) {
				rightItem++;
			}
		}
		long itemsInDatabase = this.jdbc.sql("select count(*) from item").query(Long.class).single();

		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT,
				"(a) %d new entries in feeds of %d: %.1f s, %.0f items/s; first %d: %.0f items/s, last %d: %.0f items/s;"
						+ " stored %d new items (%d merged wrongly); items in the database: %d",
				ITEMS, FEED, total / 1e9, ITEMS / (total / 1e9), tenth, tenth / (firstTenth / 1e9), tenth,
				tenth / (lastTenth / 1e9), stored, ITEMS - stored, itemsInDatabase));
		lines.add(line("(a) one feed of " + FEED, feeds));
		for (Kind kind : kinds) {
			lines.add(line("(b) " + kind.label, nanos.get(kind))
					+ String.format(Locale.ROOT, " as expected %d/%d", asExpected.get(kind), PROBES));
		}
		lines.add(String.format(Locale.ROOT,
				"(b) DOI and title duplicates on their own article's item: %d of %d (URL probes matched: %d of %d)",
				rightItem, expected.size() - urlProbes, asExpected.get(Kind.URL), urlProbes));
		String report = String.join("\n", lines) + "\n";
		Path out = Path.of("target/bench/tracker-ingestion.txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.print(report);
		assertThat(stored).isPositive();
	}

	private enum Kind {

		URL("same address with tracking parameters"), DOI("same DOI, another address"),
		TITLE("near-identical title, another address"), NEW("a new article");

		final String label;

		Kind(String label) {
			this.label = label;
		}

	}

	private Reporter reporter(String name, String url) {
		SourceHealth source = this.sources.add(new SourceInput(name, url, null), DESK);
		return new Reporter(source.id(), source.name(), source.url());
	}

	/** Nine words: three of the field's, six of a made-up vocabulary of 20,000. */
	private static List<String> title(Random random) {
		List<String> words = new ArrayList<>();
		for (int w = 0; w < 3; w++) {
			words.add(COMMON.get(random.nextInt(COMMON.size())));
		}
		for (int w = 0; w < 6; w++) {
			words.add(word(random.nextInt(20_000)));
		}
		return words;
	}

	/** A made-up word from a number, pronounceable enough to be no stop word. */
	private static String word(int n) {
		String consonants = "bdfgklmnprstvz";
		String vowels = "aeiou";
		StringBuilder word = new StringBuilder();
		int rest = n;
		for (int s = 0; s < 3; s++) {
			word.append(consonants.charAt(rest % consonants.length()));
			rest /= consonants.length();
			word.append(vowels.charAt(rest % vowels.length()));
			rest /= vowels.length();
		}
		return word.append(n % 10).toString();
	}

	/** The same title as another site writes it: capitalised, with a site suffix. */
	private static String nearly(List<String> words) {
		List<String> copy = new ArrayList<>(words);
		copy.set(0, copy.get(0).substring(0, 1).toUpperCase(Locale.ROOT) + copy.get(0).substring(1));
		return String.join(" ", copy) + " | Mirror";
	}

	private static String line(String what, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return String.format(Locale.ROOT, "%s: n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms", what,
				sorted.length, millis(sorted, 50), millis(sorted, 90), millis(sorted, 99), millis(sorted, 100));
	}

	private static double millis(long[] sorted, int p) {
		int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1_000_000.0;
	}

}
