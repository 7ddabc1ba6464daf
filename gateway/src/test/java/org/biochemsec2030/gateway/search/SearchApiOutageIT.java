package org.biochemsec2030.gateway.search;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway with no Elasticsearch to reach (nothing listens on port 1): search answers
 * 503 with a problem, and the gateway itself stays ready.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "bcs.search.uris=http://127.0.0.1:1")
class SearchApiOutageIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Value("${local.server.port}")
	private int port;

	@Test
	void answersServiceUnavailableWithAProblemInsteadOfAnError() {
		Get.Response response = Get.get(url("/api/search?q=anthrax"));

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.headers().firstValue("content-type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("retry-after")).hasValue("10");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("title").asString()).isEqualTo("Search unavailable");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("127.0.0.1");
	}

	@Test
	void showsTheSearchPageWithAnApologyInstead() {
		Get.Response response = Get.get(url("/search?q=anthrax"));

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.body()).contains("Search is unavailable at the moment")
			.contains("<label for=\"search-q\">")
			.doesNotContain("Exception");
	}

	@Test
	void staysReadyWithoutSearch() {
		assertThat(Get.get(url("/readyz")).status()).isEqualTo(200);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
