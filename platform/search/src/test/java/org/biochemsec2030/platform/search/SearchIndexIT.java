package org.biochemsec2030.platform.search;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch.indices.GetMappingResponse;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A service's index family against a real Elasticsearch: the template and aliases, writes
 * that become searchable on their own, and rebuilds that never leave search empty.
 */
class SearchIndexIT {

	private final SiteSearch search = new SiteSearch(TestCluster.client());

	private final SearchIndex content = new SearchIndex(TestCluster.client(), "content");

	@BeforeEach
	void freshCluster() {
		TestCluster.reset();
	}

	@Test
	void installsTheTemplateAndTheFirstIndexOnAFreshCluster() throws Exception {
		this.content.ensureExists();

		var client = TestCluster.client();
		assertThat(client.indices().existsIndexTemplate(e -> e.name(IndexTemplate.NAME)).value()).isTrue();
		List<String> behindAlias = TestCluster.indicesBehind("bcs-content");
		assertThat(behindAlias).singleElement().asString().startsWith("bcs-content-v");
		assertThat(TestCluster.indicesBehind("bcs-public")).isEqualTo(behindAlias);
		String index = behindAlias.get(0);
		GetMappingResponse mapping = client.indices().getMapping(m -> m.index(index));
		var properties = mapping.get(index).mappings().properties();
		assertThat(properties).containsKeys("title", "summary", "body", "type", "topics", "regimes", "year", "suggest");
		assertThat(properties.get("suggest").isCompletion()).isTrue();
		// The analyzer is built from the server core only (no analysis-common module):
		// lower-cased words, English stop words removed.
		List<String> tokens = client.indices()
			.analyze(a -> a.index(index).analyzer("bcs_text").text("The Biological Weapons Convention, and 1540"))
			.tokens()
			.stream()
			.map(AnalyzeToken::token)
			.toList();
		assertThat(tokens).containsExactly("biological", "weapons", "convention", "1540");
	}

	@Test
	void refusesFieldsOutsideTheCommonShape() throws Exception {
		this.content.ensureExists();
		assertThatThrownBy(() -> TestCluster.client()
			.index(i -> i.index("bcs-content").withJson(new StringReader("{\"id\":\"x\",\"colour\":\"red\"}"))))
			.hasMessageContaining("strict_dynamic_mapping_exception");
	}

	@Test
	void aFieldAddedToTheCommonShapeReachesAnIndexMadeBeforeIt() throws Exception {
		// An index made from the template as it was before the kind's label was stored.
		String older = olderIndex(
				(template) -> ((ObjectNode) template.path("mappings").path("properties")).remove("typeLabel"));
		SearchIndex index = new SearchIndex(TestCluster.client(), "older").refreshingEachWrite();

		index.ensureExists();
		index.upsert(Documents.post("p1", "Gene drives", "A body"));

		GetMappingResponse mapping = TestCluster.client().indices().getMapping(m -> m.index(older));
		assertThat(mapping.result().get(older).mappings().properties()).containsKeys("typeLabel", "title");
		assertThat(TestCluster.indicesBehind("bcs-older")).containsExactly(older);
	}

	@Test
	void anIndexMadeWithAnotherRefreshIntervalTakesTheTemplatesAtStart() throws Exception {
		// An index made from the template as it was when it refreshed once a second.
		String older = olderIndex((template) -> ((ObjectNode) template.path("settings")).put("refresh_interval", "1s"));
		assertThat(refreshInterval(older)).isEqualTo("1s");

		new SearchIndex(TestCluster.client(), "older").ensureExists();

		assertThat(IndexTemplate.refreshInterval()).isEqualTo("500ms");
		assertThat(refreshInterval(older)).isEqualTo(IndexTemplate.refreshInterval());
	}

	/**
	 * Makes index {@code bcs-older-v...} behind alias {@code bcs-older} from the
	 * template's index body (settings and mappings) as {@code older} changes it: an index
	 * made by an earlier version of the template.
	 */
	private static String olderIndex(Consumer<ObjectNode> older) throws Exception {
		ObjectNode template;
		try (var in = IndexTemplate.class.getResourceAsStream("/bcs-search/index-template.json")) {
			template = (ObjectNode) new JsonMapper().readTree(in).path("template");
		}
		older.accept(template);
		String index = "bcs-older-v20250101000000000-a";
		TestCluster.client()
			.indices()
			.create(c -> c.index(index)
				.aliases("bcs-older", a -> a.isWriteIndex(true))
				.withJson(new StringReader(template.toString())));
		return index;
	}

	private static String refreshInterval(String index) throws Exception {
		var settings = TestCluster.client().indices().getSettings(g -> g.index(index)).get(index).settings();
		return settings.index().refreshInterval().time();
	}

	@Test
	void findsAPublishedDocumentWithinTwoSecondsAndLosesItWithinTwoSecondsOfItsDeletion() {
		this.content.upsert(Documents.post("p1", "Benchtop synthesis screening", "Screening orders for zymurgy"));

		await("published document searchable").atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.search.search(SearchQuery.of("zymurgy")).total() == 1);

		this.content.delete("p1");

		await("deleted document gone").atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.search.search(SearchQuery.of("zymurgy")).total() == 0);
	}

	@Test
	void keepsTheNewerVersionWhenAnOlderOneArrivesLate() {
		SearchIndex index = this.content.refreshingEachWrite();
		SearchDocument first = Documents.post("p1", "Draft title", "Quarantine rules");
		SearchDocument second = Documents.updated(first, "Final title", first.updatedAt().plusSeconds(60));

		index.upsert(second);
		index.upsert(first);
		index.upsert(second);

		SearchResult result = this.search.search(SearchQuery.of("quarantine"));
		assertThat(result.total()).isEqualTo(1);
		assertThat(result.hits().get(0).title()).isEqualTo("Final title");
	}

	@Test
	void deletesMissingDocumentsWithoutErrorAndNeverCreatesStrayIndices() {
		SearchIndex index = this.content.refreshingEachWrite();
		index.delete("never-indexed");
		index.upsert(Documents.post("p1", "Title", "Body"));
		index.delete("p1");
		index.delete("p1");

		assertThat(TestCluster.indices("bcs-*")).singleElement().asString().startsWith("bcs-content-v");
	}

	@Test
	void rebuildsIntoANewIndexAndSwapsTheAliasesWithoutAnEmptyWindow() throws Exception {
		SearchIndex index = this.content.refreshingEachWrite();
		index.upsert(Documents.post("old-only", "Obsolete bulletin", "Anthrax vaccine stockpiles, superseded"));
		index.upsert(Documents.post("kept", "Anthrax response", "Anthrax vaccine stockpiles"));
		String before = TestCluster.indicesBehind("bcs-content").get(0);

		// A reader keeps searching for the whole rebuild and notes every answer.
		AtomicBoolean rebuilding = new AtomicBoolean(true);
		AtomicInteger answers = new AtomicInteger();
		List<Long> emptyAnswers = new ArrayList<>();
		CountDownLatch readerSawResultsDuringLoad = new CountDownLatch(5);
		Thread reader = Thread.ofPlatform().start(() -> {
			while (rebuilding.get()) {
				long total = this.search.search(SearchQuery.of("anthrax")).total();
				answers.incrementAndGet();
				if (total == 0) {
					synchronized (emptyAnswers) {
						emptyAnswers.add(total);
					}
				}
				readerSawResultsDuringLoad.countDown();
			}
		});

		Stream<SearchDocument> source = IntStream.range(0, 1200).mapToObj(i -> {
			if (i == 600) {
				await().atMost(Duration.ofSeconds(30)).until(() -> readerSawResultsDuringLoad.getCount() == 0);
			}
			return (i == 0) ? Documents.post("kept", "Anthrax response", "Anthrax vaccine stockpiles")
					: Documents.post("new-" + i, "Anthrax note " + i, "Anthrax surveillance in region " + i);
		});
		RebuildReport report;
		try {
			report = index.rebuild(source);
		}
		finally {
			rebuilding.set(false);
			reader.join();
		}

		assertThat(answers.get()).isGreaterThan(5);
		assertThat(emptyAnswers).as("searches that found nothing during the rebuild").isEmpty();
		assertThat(report.documents()).isEqualTo(1200);
		assertThat(report.replaced()).containsExactly(before);
		assertThat(TestCluster.indicesBehind("bcs-content")).containsExactly(report.index());
		assertThat(TestCluster.indicesBehind("bcs-public")).containsExactly(report.index());
		assertThat(TestCluster.indices("bcs-*")).containsExactly(report.index());
		// Loaded without refreshes, searched with the template's interval.
		assertThat(refreshInterval(report.index())).isEqualTo(IndexTemplate.refreshInterval());
		assertThat(this.search.search(SearchQuery.of("anthrax")).total()).isEqualTo(1200);
		assertThat(this.search.search(SearchQuery.of("obsolete")).total()).isZero();
	}

	@Test
	void keepsWritesMadeWhileARebuildLoads() {
		SearchIndex index = this.content.refreshingEachWrite();
		index.ensureExists();
		Stream<SearchDocument> source = IntStream.range(0, 100).mapToObj(i -> {
			if (i == 50) {
				// Another part of the service publishes and unpublishes while the source
				// is being read.
				index.upsert(Documents.post("published-meanwhile", "Fresh finding", "Mirror life risk assessment"));
				index.delete("doc-10");
			}
			return Documents.post("doc-" + i, "Entry " + i, "Ricin detection method " + i);
		});

		index.rebuild(source);

		assertThat(this.search.search(SearchQuery.of("mirror life")).total()).isEqualTo(1);
		assertThat(this.search.search(SearchQuery.of("ricin")).total()).isEqualTo(99);
	}

	@Test
	void refusesASecondRebuildWhileOneRuns() {
		SearchIndex index = this.content.refreshingEachWrite();
		AtomicReference<Throwable> second = new AtomicReference<>();
		Stream<SearchDocument> documents = IntStream.range(0, 10).mapToObj(i -> {
			if (i == 5) {
				try {
					new SearchIndex(TestCluster.client(), "content").rebuild(Stream.empty());
				}
				catch (RuntimeException ex) {
					second.set(ex);
				}
			}
			return Documents.post("doc-" + i, "Entry " + i, "Sarin precursor control " + i);
		});

		RebuildReport report = index.rebuild(documents);

		assertThat(second.get()).isInstanceOf(RebuildInProgressException.class);
		assertThat(report.documents()).isEqualTo(10);
		assertThat(this.search.search(SearchQuery.of("sarin")).total()).isEqualTo(10);
	}

	@Test
	void leavesTheCurrentIndexInPlaceWhenARebuildFails() throws Exception {
		SearchIndex index = this.content.refreshingEachWrite();
		index.upsert(Documents.post("p1", "Chlorine incidents", "Chlorine attacks documented"));
		String before = TestCluster.indicesBehind("bcs-content").get(0);

		Stream<SearchDocument> failing = IntStream.range(0, 10).mapToObj(i -> {
			if (i == 5) {
				throw new IllegalStateException("database went away");
			}
			return Documents.post("doc-" + i, "Entry " + i, "Unrelated " + i);
		});
		assertThatThrownBy(() -> index.rebuild(failing)).hasMessage("database went away");

		assertThat(TestCluster.indices("bcs-*")).containsExactly(before);
		assertThat(this.search.search(SearchQuery.of("chlorine")).total()).isEqualTo(1);
		// And the next rebuild is not blocked by the failed one.
		assertThat(index.rebuild(Stream.of(Documents.post("p1", "Chlorine", "Chlorine"))).documents()).isEqualTo(1);
	}

}
