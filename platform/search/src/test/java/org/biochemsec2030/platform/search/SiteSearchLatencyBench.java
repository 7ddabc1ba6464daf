package org.biochemsec2030.platform.search;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Site search latency with a realistic index: generated documents for four services
 * (posts, mini-posts, pages, tracked developments, papers, meetings, events) loaded
 * through {@link SearchIndex#rebuild}, then a fixed mix of reader queries through
 * {@link SiteSearch} (time in the caller and Elasticsearch's own {@code took}) and, when
 * a gateway is given, the same queries through {@code /api/search}, alternating so both
 * see the same machine noise. Its name matches neither {@code *Tests} nor {@code *IT}:
 * the build never runs it; {@code bench/search/run.sh} does.
 * <p>
 * System properties: {@code bench.elasticsearch} (required), {@code bench.gateway},
 * {@code bench.documents} (100000), {@code bench.queries} (2000), {@code bench.warmUp}
 * (300), {@code bench.reindex} (true).
 */
// A bench runs as long as it has work; the build's default test timeout is for tests.
@Timeout(value = 3, unit = TimeUnit.HOURS)
class SiteSearchLatencyBench {

	private static final String[] WORDS = ("biosecurity biosafety pathogen toxin anthrax ricin botulinum smallpox "
			+ "influenza coronavirus surveillance outbreak attribution verification inspection compliance "
			+ "declaration confidence-building transparency disarmament nonproliferation export control licensing "
			+ "dual-use research oversight laboratory containment genome editing CRISPR gene drive synthesis "
			+ "screening benchtop synthesizer DNA sequencing protein design machine learning artificial intelligence "
			+ "large language model automation cloud lab mirror bacteria synthetic biology vaccine therapeutic "
			+ "diagnostic countermeasure stockpile preparedness response attack terrorism state programme "
			+ "chemical weapon nerve agent sarin VX novichok chlorine mustard precursor scheduled chemical "
			+ "destruction facility OPCW technical secretariat executive council review conference meeting of "
			+ "states parties working group implementation support unit article national implementation "
			+ "legislation Security Council resolution committee assistance cooperation capacity building "
			+ "customs border industry academia civil society education awareness ethics norms governance "
			+ "regulation standards codes of conduct whistleblowing responsible science risk assessment threat "
			+ "horizon scanning emerging technology convergence neuroscience agriculture food security animal "
			+ "health zoonosis one health antimicrobial resistance field investigation sampling forensic "
			+ "analysis evidence mandate mechanism secretary-general investigation state party report briefing "
			+ "paper policy recommendation workshop network researcher early-career fellowship consultation "
			+ "government diplomat delegation Geneva Hague New York treaty protocol universality withdrawal")
		.split(" ");

	private static final String[] STOP = "the of and to in for on with a by from as at that is are".split(" ");

	/**
	 * Real text has a long tail: most words of a page are neither stop words nor the
	 * site's subject words. Pronounceable made-up words stand in for it, so a query for a
	 * subject finds a realistic share of the pages rather than most of them.
	 */
	private static final String[] LONG_TAIL = longTail(20_000);

	private static final List<String> TOPICS = List.of("genome editing", "synthetic biology", "AI and biology",
			"verification", "export control", "chemical industry", "laboratory biosafety", "public health",
			"attribution", "education and awareness", "national implementation", "science advice", "gene drives",
			"DNA synthesis", "neurotechnology");

	private static final List<String> TAGS = List.of("policy", "review conference", "OPCW", "UNSCR 1540", "workshop",
			"fellowship", "incident", "report", "consultation", "statement", "explainer", "interview", "dataset",
			"timeline", "legislation", "industry", "academia", "youth", "Geneva", "The Hague");

	private static final List<String> PEOPLE = List.of("Amara Okafor", "Lena Fischer", "Hiroshi Tanaka", "Priya Raman",
			"Tomasz Nowak", "Sofia Alvarez", "Daniel Mensah", "Ingrid Larsen", "Omar Haddad", "Mei Chen",
			"Lucas Moreau", "Fatima Zahra", "Jonas Berg", "Ana Costa", "Samuel Adeyemi", "Elena Petrova", "Ravi Kumar",
			"Clara Rossi", "Kwame Boateng", "Yuki Sato");

	/** Readers mostly search a word or two, some filter, few page on. */
	private static final List<String> QUERIES = List.of("anthrax", "gene drive", "CRISPR", "verification", "sarin",
			"export control", "review conference", "DNA synthesis screening", "mirror bacteria",
			"artificial intelligence", "OPCW", "1540", "chlorine attack", "novichok", "biosafety laboratory",
			"dual-use research oversight", "\"gene drive\"", "synth*", "smallpox vaccine stockpile",
			"Security Council resolution", "attribution forensic", "Geneva", "Lena Fischer", "benchtop synthesizer",
			"one health zoonosis", "protein design", "codes of conduct", "national implementation legislation", "ricin",
			"botulinum toxin", "vericifation", "anthrx vaccine", "pathogen surveillance outbreak response",
			"large language model biology risk", "what is the biological weapons convention",
			"chemical weapon destruction facility", "whistleblowing", "early-career fellowship", "customs border",
			"neuroscience");

	@Test
	void measure() throws Exception {
		String elasticsearch = System.getProperty("bench.elasticsearch");
		if (elasticsearch == null) {
			throw new IllegalStateException("Set -Dbench.elasticsearch=http://host:port (bench/search/run.sh does)");
		}
		String gateway = System.getProperty("bench.gateway");
		int documents = Integer.getInteger("bench.documents", 100_000);
		int queries = Integer.getInteger("bench.queries", 2000);
		int warmUp = Integer.getInteger("bench.warmUp", 300);
		boolean reindex = Boolean.parseBoolean(System.getProperty("bench.reindex", "true"));
		ElasticsearchClient client = TestCluster.clientFor(elasticsearch);

		List<String> lines = new ArrayList<>();
		if (reindex) {
			lines.add(load(client, documents));
		}
		long indexed = client.count(c -> c.index(SearchIndex.PUBLIC_ALIAS)).count();

		// The site's search and, beside it, the split design that was measured against it
		// and the site's search with one part left out at a time.
		Map<String, SiteSearch> variants = new LinkedHashMap<>();
		SiteSearch.Features site = SiteSearch.Features.SITE;
		variants.put("site (one search)", new SiteSearch(client));
		variants.put("split, request cache", new SiteSearch(client, SiteSearch.Features.SPLIT));
		variants.put("split, no cache", new SiteSearch(client, SiteSearch.Features.SPLIT.withoutCache()));
		variants.put("site without highlight", new SiteSearch(client, site.withoutHighlight()));
		variants.put("site without suggestions", new SiteSearch(client, site.withoutSuggestions()));
		variants.put("site without facets", new SiteSearch(client, site.withoutFacets()));
		variants.put("site, unified highlighter", new SiteSearch(client, site.withUnifiedHighlighter()));
		List<String> names = List.copyOf(variants.keySet());
		List<Map<String, List<String>>> mix = mix(warmUp + queries);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		Map<String, long[]> library = new LinkedHashMap<>();
		Map<String, long[]> took = new LinkedHashMap<>();
		names.forEach(name -> {
			library.put(name, new long[queries]);
			took.put(name, new long[queries]);
		});
		long[] viaGateway = new long[queries];
		long[] first = new long[queries];
		long totalHits = 0;
		int none = 0;
		List<Long> textHits = new ArrayList<>();
		// The gateway (turn -1) takes its turn in the rotation like every variant.
		List<Integer> turns = new ArrayList<>();
		for (int k = 0; k < names.size(); k++) {
			turns.add(k);
		}
		if (gateway != null) {
			turns.add(-1);
		}
		for (int i = 0; i < warmUp + queries; i++) {
			Map<String, List<String>> parameters = mix.get(i);
			SearchQuery query = SearchQuery.parse(parameters);
			// Rotate the order, so that no variant always meets the others' warmed
			// caches: the first of each round meets the query cold, the others warm.
			for (int k = 0; k < turns.size(); k++) {
				int turn = turns.get((i + k) % turns.size());
				long nanos;
				if (turn < 0) {
					nanos = viaGateway(http, gateway, parameters);
					if (i >= warmUp) {
						viaGateway[i - warmUp] = nanos;
					}
				}
				else {
					String name = names.get(turn);
					long start = System.nanoTime();
					SiteSearch.Answer answer = variants.get(name).execute(query);
					nanos = System.nanoTime() - start;
					if (i >= warmUp) {
						library.get(name)[i - warmUp] = nanos;
						took.get(name)[i - warmUp] = answer.took() * 1_000_000;
						if (turn == 0) {
							totalHits += answer.result().total();
							none += answer.result().empty() ? 1 : 0;
							if (!query.text().isEmpty()) {
								textHits.add(answer.result().total());
							}
						}
					}
				}
				if (k == 0 && i >= warmUp) {
					first[i - warmUp] = nanos;
				}
			}
		}
		textHits.sort(null);
		lines.add(String.format(
				"%d documents behind bcs-public, %d queries after %d warm-up (mean %d hits each, %d with none;"
						+ " queries with text: median %d hits, p90 %d)",
				indexed, queries, warmUp, totalHits / queries, none, textHits.get(textHits.size() / 2),
				textHits.get(textHits.size() * 9 / 10)));
		if (gateway != null) {
			lines.add(stats("GET /api/search (gateway)", viaGateway));
		}
		lines.add(stats("the first of each round (cold)", first));
		for (String name : names) {
			lines.add(stats(name, library.get(name)) + "   (took p50 "
					+ String.format("%.0f", percentile(sorted(took.get(name)), 50)) + " ms, p99 "
					+ String.format("%.0f", percentile(sorted(took.get(name)), 99)) + " ms)");
		}
		lines.forEach(System.out::println);
		Path out = Path.of("target", "bench", "site-search.txt");
		Files.createDirectories(out.getParent());
		Files.write(out, lines);
	}

	private static long viaGateway(HttpClient http, String gateway, Map<String, List<String>> parameters)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/search?" + queryString(parameters)))
			.GET()
			.build();
		long start = System.nanoTime();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		long nanos = System.nanoTime() - start;
		if (response.statusCode() != 200) {
			throw new IllegalStateException("gateway answered " + response.statusCode() + ": " + response.body());
		}
		return nanos;
	}

	/** Four services' indices, loaded the way a service rebuilds its own. */
	private static String load(ElasticsearchClient client, int documents) {
		Map<String, Double> shares = new LinkedHashMap<>();
		shares.put("content", 0.5);
		shares.put("tracker", 0.25);
		shares.put("publishing", 0.15);
		shares.put("network", 0.10);
		long start = System.nanoTime();
		long loaded = 0;
		int seed = 1;
		for (var share : shares.entrySet()) {
			int count = (int) Math.round(documents * share.getValue());
			Random random = new Random(seed++);
			Stream<SearchDocument> source = LongStream.range(0, count)
				.mapToObj(i -> document(share.getKey(), i, random));
			loaded += new SearchIndex(client, share.getKey()).rebuild(source).documents();
		}
		long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
		return String.format("loaded %d documents through SearchIndex.rebuild in %d s (%.0f documents/s)", loaded,
				seconds, loaded / (double) Math.max(1, seconds));
	}

	private static SearchDocument document(String service, long i, Random random) {
		DocumentType type = switch (service) {
			case "content" -> pick(random, Kinds.POST, Kinds.POST, Kinds.MICRO, Kinds.PAGE);
			case "tracker" -> Kinds.DEVELOPMENT;
			case "publishing" -> pick(random, Kinds.PAPER, Kinds.PAPER, Kinds.MEETING);
			default -> Kinds.EVENT;
		};
		int bodyWords = (type == Kinds.MICRO) ? 20 + random.nextInt(40) : 150 + random.nextInt(350);
		Instant published = between(random, 2015, 2026);
		List<String> regimes = new ArrayList<>();
		for (String regime : List.of("BWC", "CWC", "1540")) {
			if (random.nextInt(3) == 0) {
				regimes.add(regime);
			}
		}
		// A page is about one to three of the site's subjects: their words fill much of
		// its title and some of its text; other subject words turn up now and then.
		String[] about = new String[1 + random.nextInt(3)];
		for (int k = 0; k < about.length; k++) {
			about[k] = WORDS[random.nextInt(WORDS.length)];
		}
		return new SearchDocument(service + "-" + i, type,
				capitalised(sentence(random, 4 + random.nextInt(7), about, 50, 5)),
				capitalised(sentence(random, 15 + random.nextInt(20), about, 25, 3)) + ".",
				paragraphs(random, bodyWords, about), "/" + type.key() + "/" + service + "-" + i,
				some(random, TOPICS, 1 + random.nextInt(3)), regimes, some(random, TAGS, random.nextInt(4)),
				some(random, PEOPLE, random.nextInt(3)), published, published);
	}

	private static List<Map<String, List<String>>> mix(int count) {
		Random random = new Random(7);
		List<Map<String, List<String>>> mix = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Map<String, List<String>> parameters = new LinkedHashMap<>();
			int kind = random.nextInt(100);
			parameters.put("q", List.of((kind < 5) ? "" : QUERIES.get(random.nextInt(QUERIES.size()))));
			if (kind >= 60 && kind < 75) {
				parameters.put("type", List.of(pick(random, "post", "paper", "development")));
			}
			if (kind >= 70 && kind < 85) {
				parameters.put("regime", List.of(pick(random, "BWC", "CWC", "1540")));
			}
			if (kind >= 80 && kind < 90) {
				parameters.put("year", List.of(Integer.toString(2018 + random.nextInt(9))));
			}
			if (kind >= 85 && kind < 90) {
				parameters.put("topic", List.of(TOPICS.get(random.nextInt(TOPICS.size()))));
			}
			if (kind >= 90) {
				parameters.put("page", List.of(Integer.toString(2 + random.nextInt(3))));
			}
			mix.add(parameters);
		}
		return mix;
	}

	private static String stats(String what, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return String.format("%-30s p50 %6.1f ms   p90 %6.1f ms   p99 %6.1f ms   max %6.1f ms", what,
				percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
				sorted[sorted.length - 1] / 1e6);
	}

	private static long[] sorted(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted;
	}

	private static double percentile(long[] sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

	private static String queryString(Map<String, List<String>> parameters) {
		StringJoiner query = new StringJoiner("&");
		parameters.forEach((name, values) -> values
			.forEach(value -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
		return query.toString();
	}

	/**
	 * @param about the page's own subjects
	 * @param own the share (in percent) of the page's subject words among the words that
	 * are not stop words: high in titles, low in running text
	 * @param stray the share of other subject words, any of them alike
	 */
	private static String sentence(Random random, int words, String[] about, int own, int stray) {
		StringJoiner sentence = new StringJoiner(" ");
		for (int i = 0; i < words; i++) {
			int roll = random.nextInt(100);
			if (random.nextInt(10) < 3) {
				sentence.add(STOP[random.nextInt(STOP.length)]);
			}
			else if (roll < own) {
				sentence.add(about[random.nextInt(about.length)]);
			}
			else if (roll < own + stray) {
				sentence.add(WORDS[random.nextInt(WORDS.length)]);
			}
			else {
				sentence.add(zipf(random, LONG_TAIL));
			}
		}
		return sentence.toString();
	}

	/**
	 * Some words are far more frequent than others, as in real text (about Zipf's law).
	 */
	private static String zipf(Random random, String[] words) {
		double u = random.nextDouble();
		int index = (int) Math.floor(Math.pow(words.length, u)) - 1;
		return words[Math.min(words.length - 1, Math.max(0, index))];
	}

	private static String[] longTail(int count) {
		String[] onsets = "b c d f g h k l m n p r s t v z br tr st pl gr sk".split(" ");
		String[] vowels = "a e i o u ai ou".split(" ");
		Random random = new Random(11);
		Set<String> words = new LinkedHashSet<>();
		while (words.size() < count) {
			StringBuilder word = new StringBuilder();
			int syllables = 2 + random.nextInt(3);
			for (int i = 0; i < syllables; i++) {
				word.append(onsets[random.nextInt(onsets.length)]).append(vowels[random.nextInt(vowels.length)]);
			}
			if (random.nextBoolean()) {
				word.append(onsets[random.nextInt(onsets.length)]);
			}
			words.add(word.toString());
		}
		return words.toArray(String[]::new);
	}

	private static String paragraphs(Random random, int words, String[] about) {
		StringBuilder text = new StringBuilder();
		int left = words;
		while (left > 0) {
			int n = Math.min(left, 8 + random.nextInt(16));
			text.append(capitalised(sentence(random, n, about, 5, 1))).append(". ");
			left -= n;
		}
		return text.toString().strip();
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static List<String> some(Random random, List<String> from, int count) {
		return random.ints(0, from.size()).distinct().limit(count).mapToObj(from::get).collect(Collectors.toList());
	}

	@SafeVarargs
	private static <T> T pick(Random random, T... values) {
		return values[random.nextInt(values.length)];
	}

	private static Instant between(Random random, int fromYear, int toYear) {
		long from = Instant.parse(fromYear + "-01-01T00:00:00Z").getEpochSecond();
		long to = Instant.parse(toYear + "-12-31T23:59:59Z").getEpochSecond();
		return Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
	}

}
