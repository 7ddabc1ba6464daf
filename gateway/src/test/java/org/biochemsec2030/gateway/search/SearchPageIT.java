package org.biochemsec2030.gateway.search;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.biochemsec2030.platform.search.DocumentType;
import org.biochemsec2030.platform.search.SearchDocument;
import org.biochemsec2030.platform.search.SearchIndex;
import org.biochemsec2030.platform.test.Engines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /search} as a reader's browser gets it: server-rendered HTML in the shared
 * layout, against a real Elasticsearch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPageIT {

	private static final Instant PUBLISHED = Instant.parse("2026-02-03T10:00:00Z");

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private ElasticsearchClient client;

	@DynamicPropertySource
	static void elasticsearch(DynamicPropertyRegistry registry) {
		registry.add("bcs.search.uris", Engines::elasticsearchUri);
	}

	@BeforeAll
	void indexPages() {
		SearchIndex tracker = new SearchIndex(this.client, "trackerpage").refreshingEachWrite();
		IntStream.rangeClosed(1, 12)
			.forEach(i -> tracker
				.upsert(new SearchDocument("d" + i, new DocumentType("development", "Tracked development"),
						"Cloud laboratory development " + i, "Remote labs <b>lower</b> barriers",
						"Cloud laboratories let anyone run quokkaflux experiments remotely.", "/tracker/d" + i,
						List.of("automation"), List.of("BWC"), List.of(), List.of(), PUBLISHED, PUBLISHED)));
	}

	@Test
	void showsResultsWithHighlightsFacetsAndPagesInTheSharedLayout() {
		Get.Response response = Get.get(url("/search?q=quokkaflux"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		String html = response.body();
		assertThat(html).contains("<label for=\"search-q\">")
			.contains("value=\"quokkaflux\"")
			.contains("12 results for “quokkaflux”")
			.contains("<a href=\"/tracker/d1\">Cloud laboratory development 1</a>")
			.contains("<mark>quokkaflux</mark>")
			.contains("href=\"/search?q=quokkaflux&amp;regime=BWC\"")
			.contains("Biological Weapons Convention")
			.contains("aria-label=\"Result pages\"")
			.contains("href=\"/search?q=quokkaflux&amp;page=2\"")
			.contains("href=\"/assets/bcs.css\"")
			.doesNotContain("<b>lower</b>");
	}

	@Test
	void keepsChosenFiltersInEveryLink() {
		String html = Get.get(url("/search?q=quokkaflux&regime=BWC&page=2")).body();

		assertThat(html).contains("Page 2")
			.contains("href=\"/search?q=quokkaflux&amp;regime=BWC\"")
			.contains("Clear all filters")
			.contains("href=\"/search?q=quokkaflux\"");
	}

	@Test
	void helpsWhenNothingMatches() {
		Get.Response response = Get.get(url("/search?q=zzzyxnothing"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("Nothing matches “<span>zzzyxnothing</span>”")
			.contains("Check the spelling");
	}

	@Test
	void explainsABadParameterOnThePageItself() {
		Get.Response response = Get.get(url("/search?q=quokkaflux&page=abc"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("page must be a whole number from 1 to 100.")
			.contains("<label for=\"search-q\">");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
