package org.biochemsec2030.gateway.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.biochemsec2030.platform.search.DocumentType;
import org.biochemsec2030.platform.search.SearchDocument;
import org.biochemsec2030.platform.search.SearchIndex;
import org.biochemsec2030.platform.test.Engines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/search} over real HTTP against a real Elasticsearch holding two services'
 * indices.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant PUBLISHED = Instant.parse("2025-09-01T10:00:00Z");

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private ElasticsearchClient client;

	@DynamicPropertySource
	static void elasticsearch(DynamicPropertyRegistry registry) {
		registry.add("bcs.search.uris", Engines::elasticsearchUri);
	}

	@BeforeAll
	void indexTwoServices() {
		SearchIndex content = new SearchIndex(this.client, "content").refreshingEachWrite();
		SearchIndex publishing = new SearchIndex(this.client, "publishing").refreshingEachWrite();
		content.upsert(new SearchDocument("post-1", new DocumentType("post", "Blog post"),
				"Mirror bacteria: a call for caution", "Why mirror life worries biologists",
				"Researchers warn that mirror bacteria could evade immunity.", "/blog/mirror-bacteria",
				List.of("synthetic biology"), List.of("BWC"), List.of("mirror life"), List.of("Jane Doe"), PUBLISHED,
				PUBLISHED));
		publishing.upsert(new SearchDocument("paper-1", new DocumentType("paper", "Briefing paper"),
				"Briefing: mirror life and the BWC", "Options for the Ninth Review Conference",
				"Mirror bacteria and the Biological Weapons Convention.", "/papers/mirror-life",
				List.of("synthetic biology"), List.of("BWC"), List.of(), List.of(),
				PUBLISHED.minusSeconds(400 * 86400L), PUBLISHED));
	}

	@Test
	void answersResultsFacetsAndHighlightsAsJson() {
		Get.Response response = Get.get(url("/api/search?q=mirror+bacteria"));

		assertThat(response.status()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.path("total").asLong()).isEqualTo(2);
		JsonNode first = body.path("hits").path(0);
		assertThat(first.path("type").asString()).isEqualTo("post");
		assertThat(first.path("title").asString()).isEqualTo("Mirror bacteria: a call for caution");
		assertThat(first.path("url").asString()).isEqualTo("/blog/mirror-bacteria");
		assertThat(first.path("summary").asString()).isEqualTo("Why mirror life worries biologists");
		assertThat(first.path("highlight").asString()).contains("<mark>mirror</mark>");
		JsonNode facets = body.path("facets");
		assertThat(facets.path("type").path("post").asLong()).isEqualTo(1);
		assertThat(facets.path("type").path("paper").asLong()).isEqualTo(1);
		assertThat(facets.path("topic").path("synthetic biology").asLong()).isEqualTo(2);
		assertThat(facets.path("regime").path("BWC").asLong()).isEqualTo(2);
		assertThat(facets.path("year").path("2025").asLong()).isEqualTo(1);
		assertThat(facets.path("year").path("2024").asLong()).isEqualTo(1);
		assertThat(body.path("suggestions").isArray()).isTrue();
	}

	@Test
	void narrowsByRepeatedFacetParameters() {
		JsonNode papers = JSON.readTree(Get.get(url("/api/search?q=mirror&type=paper&regime=BWC&year=2024")).body());

		assertThat(papers.path("total").asLong()).isEqualTo(1);
		assertThat(papers.path("hits").path(0).path("url").asString()).isEqualTo("/papers/mirror-life");
	}

	@ParameterizedTest
	@CsvSource({ "page=-1, page", "page=abc, page", "page=1000, page", "regime=NPT, regime", "type=no_such, type",
			"year=twenty, year" })
	void refusesParametersThatCannotBeRightWithAProblem(String parameter, String name) {
		Get.Response response = Get.get(url("/api/search?q=mirror&" + parameter));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.headers().firstValue("content-type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("parameter").asString()).isEqualTo(name);
		assertThat(problem.path("detail").asString()).startsWith(name + " must");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void answersSearchSyntaxAndTenKilobytesOfTextWithoutFailing() {
		String syntax = URLEncoder.encode("\"(foo AND [bar~ ^2 \\ / { }", StandardCharsets.UTF_8);
		Get.Response operators = Get.get(url("/api/search?q=" + syntax));
		assertThat(operators.status()).isEqualTo(200);
		assertThat(JSON.readTree(operators.body()).path("total").asLong()).isZero();

		String long_ = URLEncoder.encode("mirror " + "x".repeat(10 * 1024), StandardCharsets.UTF_8);
		Get.Response huge = Get.get(url("/api/search?q=" + long_));
		assertThat(huge.status()).isEqualTo(200);
		assertThat(JSON.readTree(huge.body()).path("truncated").asBoolean()).isTrue();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
