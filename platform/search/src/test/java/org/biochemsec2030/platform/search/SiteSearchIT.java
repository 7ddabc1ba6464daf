package org.biochemsec2030.platform.search;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The site search over several services' indices in a real Elasticsearch: facets,
 * highlights, suggestions, paging and hostile input.
 */
class SiteSearchIT {

	private static final Instant Y2024 = Instant.parse("2024-05-01T00:00:00Z");

	private static final Instant Y2025 = Instant.parse("2025-05-01T00:00:00Z");

	private final SiteSearch search = new SiteSearch(TestCluster.client());

	private final SearchIndex content = new SearchIndex(TestCluster.client(), "content").refreshingEachWrite();

	private final SearchIndex tracker = new SearchIndex(TestCluster.client(), "tracker").refreshingEachWrite();

	@BeforeEach
	void freshCluster() {
		TestCluster.reset();
	}

	@Test
	void countsFacetsAcrossServicesAndCombinesTheirFilters() {
		this.content.upsert(doc("c1", Kinds.POST, List.of("genome editing"), List.of("BWC"), Y2025));
		this.content.upsert(doc("c2", Kinds.POST, List.of("genome editing"), List.of("BWC", "1540"), Y2024));
		this.content.upsert(doc("c3", Kinds.PAGE, List.of("export control"), List.of("CWC"), Y2025));
		this.tracker.upsert(doc("t1", Kinds.DEVELOPMENT, List.of("genome editing"), List.of("BWC"), Y2025));
		this.tracker.upsert(doc("t2", Kinds.DEVELOPMENT, List.of("AI and biology"), List.of(), Y2024));

		SearchResult all = this.search.search(query("convention"));
		assertThat(all.total()).isEqualTo(5);
		assertThat(all.facets().get("type")).containsOnly(entry("post", 2L), entry("development", 2L),
				entry("page", 1L));
		assertThat(all.facets().get("topic")).containsOnly(entry("genome editing", 3L), entry("export control", 1L),
				entry("AI and biology", 1L));
		assertThat(all.facets().get("regime")).containsOnly(entry("BWC", 3L), entry("CWC", 1L), entry("1540", 1L));
		assertThat(all.facets().get("year")).containsExactly(entry("2025", 3L), entry("2024", 2L));

		SearchResult genomeEditingIn2025 = this.search
			.search(query("convention", "topic", "genome editing", "year", "2025"));
		assertThat(genomeEditingIn2025.hits()).extracting(SearchResult.Hit::url)
			.containsExactlyInAnyOrder("/c1", "/t1");
		// Each facet counts with the other facets' filters, not its own: the reader sees
		// what choosing another year or topic would give.
		assertThat(genomeEditingIn2025.facets().get("year")).containsOnly(entry("2025", 2L), entry("2024", 1L));
		assertThat(genomeEditingIn2025.facets().get("topic")).containsOnly(entry("genome editing", 2L),
				entry("export control", 1L));
		assertThat(genomeEditingIn2025.facets().get("type")).containsOnly(entry("post", 1L), entry("development", 1L));

		SearchResult postsOrPages = this.search.search(query("convention", "type", "post", "type", "page"));
		assertThat(postsOrPages.total()).isEqualTo(3);
	}

	@Test
	void namesEachKindOfPageAsTheServiceThatPublishesItDeclaredIt() {
		this.content.upsert(doc("c1", Kinds.POST, List.of(), List.of(), Y2025));
		this.tracker.upsert(doc("t1", new DocumentType("signal", "Weak signal"), List.of(), List.of(), Y2025));

		SearchResult all = this.search.search(query("convention"));
		assertThat(all.typeLabels()).containsOnly(entry("post", "Blog post"), entry("signal", "Weak signal"));
		assertThat(all.typeLabel("signal")).isEqualTo("Weak signal");
		assertThat(all.typeLabel("nobody-publishes-this")).isEqualTo("nobody-publishes-this");
		assertThat(this.search.search(query("convention", "type", "nobody-publishes-this")).total()).isZero();
	}

	@Test
	void listsTheNewestDocumentsWhenNoTextIsGiven() {
		this.content.upsert(doc("old", Kinds.POST, List.of(), List.of(), Y2024));
		this.tracker.upsert(doc("new", Kinds.DEVELOPMENT, List.of(), List.of(), Y2025));

		SearchResult result = this.search.search(query(""));

		assertThat(result.hits()).extracting(SearchResult.Hit::url).containsExactly("/new", "/old");
		assertThat(result.hits()).allSatisfy(hit -> assertThat(hit.highlight()).isNull());
	}

	@Test
	void marksTheQueryTermsInEscapedPassages() {
		this.content.upsert(new SearchDocument("h1", Kinds.POST, "Verification under the Convention",
				"Why verification matters", "Inspections <script>alert(1)</script> & on-site verification visits.",
				"/h1", List.of(), List.of("CWC"), List.of(), List.of(), Y2025, Y2025));

		SearchResult result = this.search.search(query("verification"));

		String highlight = result.hits().get(0).highlight();
		assertThat(highlight).contains("<mark>verification</mark>")
			.contains("&lt;script&gt;")
			.contains("&amp;")
			.doesNotContain("<script>")
			.isEqualTo(highlight.strip());
		assertThat(result.hits().get(0).title()).isEqualTo("Verification under the Convention");
	}

	@Test
	void ranksTitleMatchesAboveBodyMatches() {
		this.content.upsert(new SearchDocument("body", Kinds.POST, "Meeting notes", "Notes",
				"Some remarks on gain-of-function research and oversight.", "/body", List.of(), List.of(), List.of(),
				List.of(), Y2025, Y2025));
		this.content.upsert(new SearchDocument("title", Kinds.POST, "Gain-of-function oversight", "Notes", "Remarks.",
				"/title", List.of(), List.of(), List.of(), List.of(), Y2025, Y2025));

		assertThat(this.search.search(query("gain-of-function oversight")).hits()).extracting(SearchResult.Hit::url)
			.containsExactly("/title", "/body");
	}

	@Test
	void suggestsCompletionsAndCorrectsMisspeltWords() {
		this.content.upsert(new SearchDocument("s1", Kinds.PAPER, "Biological weapons convention review",
				"Review conference", "The convention bans biological weapons.", "/s1", List.of("biosecurity"),
				List.of("BWC"), List.of(), List.of("Marie Curie"), Y2025, Y2025));

		assertThat(this.search.search(query("biolog")).suggestions()).contains("Biological weapons convention review");
		assertThat(this.search.search(query("mar")).suggestions()).contains("Marie Curie");
		SearchResult misspelt = this.search.search(query("biological convnetion"));
		assertThat(misspelt.didYouMean()).isEqualTo("biological convention");
		assertThat(this.search.search(query("biological convention")).didYouMean()).isNull();
	}

	@Test
	void pagesThroughResultsTenAtATime() {
		IntStream.rangeClosed(1, 25)
			.forEach(i -> this.content.upsert(new SearchDocument("p" + i, Kinds.POST, "Tabun note " + i, "", "Tabun",
					"/p" + i, List.of(), List.of(), List.of(), List.of(), Y2025, Y2025)));

		SearchResult first = this.search.search(query("tabun"));
		SearchResult last = this.search.search(query("tabun", "page", "3"));

		assertThat(first.total()).isEqualTo(25);
		assertThat(first.pages()).isEqualTo(3);
		assertThat(first.hits()).hasSize(10);
		assertThat(last.hits()).hasSize(5);
		assertThat(last.page()).isEqualTo(3);
	}

	@Test
	void answersSyntaxCharactersAsPlainText() {
		this.content.upsert(doc("c1", Kinds.POST, List.of(), List.of(), Y2025));

		SearchResult operators = this.search.search(query("\"(foo AND [bar~ ^2 \\ / { }"));
		assertThat(operators.total()).isZero();
		assertThat(operators.hits()).isEmpty();

		SearchResult stray = this.search.search(query("convention) ] ~ ^ { /"));
		assertThat(stray.total()).isEqualTo(1);
	}

	@Test
	void cutsTenKilobytesOfTextAndStillAnswers() {
		this.content.upsert(doc("c1", Kinds.POST, List.of(), List.of(), Y2025));
		String tenKilobytes = "convention " + "lorem ipsum dolor sit amet ".repeat(400);

		SearchResult result = this.search.search(query(tenKilobytes));

		assertThat(result.truncated()).isTrue();
		assertThat(result.query()).hasSizeLessThanOrEqualTo(SearchQuery.MAX_TEXT).startsWith("convention lorem");
	}

	@Test
	void givesAnEmptyResultOnAClusterWhereNothingIsIndexedYet() {
		SearchResult result = this.search.search(query("anything"));

		assertThat(result.total()).isZero();
		assertThat(result.hits()).isEmpty();
		assertThat(result.facets()).containsOnlyKeys("type", "topic", "regime", "year");
	}

	@Test
	void neverReturnsDocumentsOutsideThePublicAlias() throws Exception {
		this.content.upsert(doc("c1", Kinds.POST, List.of(), List.of(), Y2025));
		// An index of the suite's shape that is not behind bcs-public, e.g. a rebuild
		// that has not been swapped in yet.
		TestCluster.client().indices().create(c -> c.index("bcs-drafts-v1"));
		TestCluster.client()
			.index(i -> i.index("bcs-drafts-v1")
				.id("secret")
				.refresh(co.elastic.clients.elasticsearch._types.Refresh.True)
				.withJson(new StringReader(
						"{\"id\":\"secret\",\"type\":\"post\",\"title\":\"Convention draft\",\"url\":\"/secret\"}")));

		assertThat(this.search.search(query("convention")).hits()).extracting(SearchResult.Hit::url)
			.containsExactly("/c1");
	}

	private static SearchDocument doc(String id, DocumentType type, List<String> topics, List<String> regimes,
			Instant published) {
		return new SearchDocument(id, type, "Convention item " + id, "Summary of " + id,
				"Text about the convention and " + id, "/" + id, topics, regimes, List.of(), List.of(), published,
				published);
	}

	private static SearchQuery query(String text, String... facets) {
		var parameters = new java.util.LinkedHashMap<String, List<String>>();
		parameters.put("q", List.of(text));
		for (int i = 0; i < facets.length; i += 2) {
			parameters.merge(facets[i], List.of(facets[i + 1]),
					(a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
		}
		return SearchQuery.parse(Map.copyOf(parameters));
	}

}
