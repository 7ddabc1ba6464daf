package org.biochemsec2030.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.biochemsec2030.platform.test.Engines;
import org.biochemsec2030.platform.test.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's route table, checked over real HTTP: four small HTTP servers stand in for
 * the services and answer with their own name and the path they received. (The whole
 * suite behind the gateway is exercised in e2e.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutesIT {

	private static final Map<String, HttpServer> SERVICES = new ConcurrentHashMap<>();

	private static final Map<String, String> TRACEPARENT_RECEIVED = new ConcurrentHashMap<>();

	@Value("${local.server.port}")
	private int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) throws IOException {
		for (String service : new String[] { "content", "network", "tracker", "publishing" }) {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", exchange -> {
				String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
				if (traceparent != null) {
					TRACEPARENT_RECEIVED.put(exchange.getRequestURI().getPath(), traceparent);
				}
				String path = exchange.getRequestURI().getPath();
				if (path.endsWith("/moved")) {
					// As a service would answer if it built the address from its own
					// host.
					int own = exchange.getLocalAddress().getPort();
					exchange.getResponseHeaders().set("Location", "http://127.0.0.1:" + own + "//moved-here?x=1#top");
					exchange.getResponseHeaders().set("Content-Location", "http://127.0.0.1:" + own + "/moved");
					exchange.sendResponseHeaders(303, -1);
					exchange.close();
					return;
				}
				if (path.endsWith("/off-site")) {
					exchange.getResponseHeaders().set("Location", "https://example.org/elsewhere");
					exchange.sendResponseHeaders(303, -1);
					exchange.close();
					return;
				}
				byte[] body = (service + " " + path).getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			SERVICES.put(service, server);
			String uri = "http://127.0.0.1:" + server.getAddress().getPort();
			registry.add("BCS_" + service.toUpperCase() + "_URI", () -> uri);
		}
		// Sign-in is not exercised here (see SignInIT), but the gateway needs its client
		// secret and its session store to start.
		registry.add("bcs.identity.client-secret", () -> "not-used-here");
		registry.add("spring.data.redis.host", () -> Engines.redis().getHost());
		registry.add("spring.data.redis.port", () -> Engines.redis().getMappedPort(6379));
	}

	@AfterAll
	static void stopServices() {
		SERVICES.values().forEach(server -> server.stop(0));
	}

	@ParameterizedTest
	@CsvSource({ "/blog/first-meeting-report, content", "/micro/42, content", "/pages/about, content",
			"/feeds/posts.atom, content", "/api/content/v1/posts, content", "/network/apply, network",
			"/events/next, network", "/api/network/v1/meetings, network", "/tracker/developments, tracker",
			"/api/tracker/v1/developments, tracker", "/papers/bwc-2026-1, publishing",
			"/meetings/bwc-msp-2026, publishing", "/api/publishing/v1/papers, publishing" })
	void routesEachPathToTheServiceThatOwnsIt(String path, String service) {
		Http.Response response = Http.get(url(path));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(service + " " + path);
	}

	@ParameterizedTest
	@CsvSource({ "content", "network", "tracker", "publishing" })
	void exposesEachServicesHealth(String service) {
		Http.Response response = Http.get(url("/health/" + service));
		assertThat(response.body()).isEqualTo(service + " /actuator/health");
	}

	@Test
	void continuesTheCallersTraceTowardsTheService() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		Http.Response response = Http.get(url("/tracker/trace-probe"),
				Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
		assertThat(response.status()).isEqualTo(200);
		String forwarded = TRACEPARENT_RECEIVED.get("/tracker/trace-probe");
		assertThat(forwarded).as("traceparent received by the service")
			.startsWith("00-" + traceId + "-")
			.doesNotContain("00f067aa0ba902b7");
	}

	@Test
	void addsTheSecurityHeadersToProxiedAnswers() throws Exception {
		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/blog/first-meeting-report"))).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Permissions-Policy"))
			.hasValueSatisfying(policy -> assertThat(policy).contains("camera=()"));
		assertThat(response.headers().firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	@Test
	void turnsAServicesOwnAddressInLocationIntoTheSamePathOnTheSite() {
		Http.Response moved = Http.get(url("/papers/moved"));
		assertThat(moved.status()).isEqualTo(303);
		// One leading slash: "//moved-here" would name another site.
		assertThat(moved.header("Location")).isEqualTo("/moved-here?x=1#top");
		assertThat(moved.header("Content-Location")).isEqualTo("/moved");

		Http.Response offSite = Http.get(url("/papers/off-site"));
		assertThat(offSite.status()).isEqualTo(303);
		assertThat(offSite.header("Location")).isEqualTo("https://example.org/elsewhere");
	}

	@Test
	void doesNotForwardPathsNoServiceOwns() {
		assertThat(Http.get(url("/api/nobody/v1/things")).status()).isEqualTo(404);
		assertThat(Http.get(url("/blogger")).status()).isEqualTo(404);
	}

	@Test
	void isHealthyOnItsOwn() {
		Http.Response health = Http.get(url("/readyz"));
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
