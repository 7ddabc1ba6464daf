package org.biochemsec2030.gateway.limits;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.biochemsec2030.platform.test.Engines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits against the real Redis, with limits small enough to reach: two searches,
 * two sign-in steps and two writes a minute per client. Each test uses one kind, so the
 * tests do not share a bucket. (No Elasticsearch: a search that passes the limit answers
 * 503, which is not what is checked here.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bcs.rate-limits.search=2", "bcs.rate-limits.sign-in=2", "bcs.rate-limits.writes=2",
				"bcs.rate-limits.window=60s",
				// A busy test machine can take longer than production's half second; a
				// decision not taken lets the request pass, which would fail these tests.
				"bcs.rate-limits.store-timeout=10s", "bcs.search.uris=http://127.0.0.1:1" })
class RateLimitsIT {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static HttpServer content;

	@Value("${local.server.port}")
	private int port;

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) throws IOException {
		content = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		content.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			byte[] body = ("content " + exchange.getRequestMethod()).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		content.start();
		registry.add("BCS_CONTENT_URI", () -> "http://127.0.0.1:" + content.getAddress().getPort());
		registry.add("spring.data.redis.host", () -> Engines.redis().getHost());
		registry.add("spring.data.redis.port", () -> Engines.redis().getMappedPort(6379));
	}

	@AfterAll
	static void stop() {
		content.stop(0);
	}

	@Test
	void limitsSearchesPerClientAndSaysWhenToTryAgain() throws Exception {
		for (int search = 0; search < 2; search++) {
			HttpResponse<String> allowed = send("GET", "/api/search?q=anthrax", "application/json", Map.of());
			assertThat(allowed.statusCode()).isNotEqualTo(429);
			assertThat(allowed.headers().firstValue("RateLimit-Policy")).hasValue("\"search\";q=2;w=60");
			assertThat(allowed.headers().firstValue("RateLimit"))
				.hasValueSatisfying(v -> assertThat(v).matches("\"search\";r=\\d+;t=\\d+"));
		}

		// A client cannot reset its count by claiming another address: no proxy is
		// trusted by default.
		HttpResponse<String> refused = send("GET", "/api/search?q=anthrax", "application/json",
				Map.of("X-Forwarded-For", "203.0.113.7"));
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		// At most the time to refill one search: half a minute at two a minute.
		assertThat(refused.headers().firstValue("Retry-After").map(Integer::valueOf))
			.hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1, 30));
		assertThat(refused.headers().firstValue("RateLimit")).hasValueSatisfying(v -> assertThat(v).contains("r=0"));
		assertThat(refused.body()).contains("\"status\":429").containsPattern("Wait \\d+ seconds");

		HttpResponse<String> page = send("GET", "/search?q=anthrax", BROWSER, Map.of());
		assertThat(page.statusCode()).isEqualTo(429);
		assertThat(page.headers().firstValue("Retry-After")).isPresent();
		assertThat(page.body()).contains("<main id=\"main\"").contains("<h1>Too many requests</h1>");
		assertThat(page.headers().firstValue("Permissions-Policy")).isPresent();
	}

	@Test
	void limitsSignInSteps() throws Exception {
		for (int attempt = 0; attempt < 2; attempt++) {
			assertThat(send("GET", "/oauth2/authorization/keycloak", BROWSER, Map.of()).statusCode()).isEqualTo(302);
		}
		HttpResponse<String> refused = send("GET", "/oauth2/authorization/keycloak", BROWSER, Map.of());
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(refused.body()).contains("too many sign-in attempts");
	}

	@Test
	void limitsWritesButNotReadsOfTheSameApi() throws Exception {
		for (int write = 0; write < 2; write++) {
			HttpResponse<String> allowed = send("POST", "/api/content/v1/posts", "application/json", Map.of());
			assertThat(allowed.statusCode()).isEqualTo(200);
			assertThat(allowed.body()).isEqualTo("content POST");
		}
		HttpResponse<String> refused = send("POST", "/api/content/v1/posts", "application/json", Map.of());
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("RateLimit-Policy")).hasValue("\"writes\";q=2;w=60");

		for (int read = 0; read < 5; read++) {
			HttpResponse<String> get = send("GET", "/api/content/v1/posts", "application/json", Map.of());
			assertThat(get.statusCode()).isEqualTo(200);
			assertThat(get.headers().firstValue("RateLimit")).isEmpty();
		}
	}

	@Test
	void leavesTheHomePageAndTheAssetsUnlimited() throws Exception {
		for (int read = 0; read < 5; read++) {
			HttpResponse<String> home = send("GET", "/", BROWSER, Map.of());
			assertThat(home.statusCode()).isEqualTo(200);
			assertThat(home.headers().firstValue("RateLimit-Policy")).isEmpty();
			assertThat(send("GET", "/assets/bcs.css", "text/css", Map.of()).statusCode()).isEqualTo(200);
		}
	}

	private HttpResponse<String> send(String method, String path, String accept, Map<String, String> headers)
			throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept)
			.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString("{}"));
		if (!method.equals("GET")) {
			request.header("Content-Type", "application/json");
		}
		headers.forEach(request::header);
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
