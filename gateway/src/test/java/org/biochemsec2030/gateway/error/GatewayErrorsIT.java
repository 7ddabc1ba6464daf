package org.biochemsec2030.gateway.error;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors the gateway answers itself, with every service stopped: browsers get the site's
 * error pages, API clients RFC 9457 problem JSON.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayErrorsIT {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	@DynamicPropertySource
	static void stoppedServices(DynamicPropertyRegistry registry) throws IOException {
		for (String service : new String[] { "content", "network", "tracker", "publishing" }) {
			int closed;
			try (ServerSocket socket = new ServerSocket(0)) {
				closed = socket.getLocalPort();
			}
			registry.add("BCS_" + service.toUpperCase() + "_URI", () -> "http://127.0.0.1:" + closed);
		}
	}

	@Test
	void showsBrowsersTheSharedNotFoundPage() throws Exception {
		HttpResponse<String> page = get("/no-such-page", BROWSER);
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(page.body()).contains("We can’t find that page")
			.contains("<nav class=\"site-nav\" aria-label=\"Main\">")
			.contains("<code>/no-such-page</code>");
	}

	@Test
	void showsBrowsersThatAStoppedServicesPageIsUnavailable() throws Exception {
		HttpResponse<String> page = get("/papers/bwc-2026-1", BROWSER);
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.body()).contains("This part of the site is unavailable right now")
			.contains("<main id=\"main\"")
			.doesNotContain("127.0.0.1");
	}

	@Test
	void answersApiClientsWithProblemDetails() throws Exception {
		HttpResponse<String> missing = get("/api/no-such-api", BROWSER);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(missing.body()).contains("\"status\":404").contains("\"instance\":\"/api/no-such-api\"");

		HttpResponse<String> stopped = get("/api/publishing/v1/papers", "application/json");
		assertThat(stopped.statusCode()).isEqualTo(503);
		assertThat(stopped.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(stopped.body()).contains("\"title\":\"Service Unavailable\"").doesNotContain("127.0.0.1");
	}

	@Test
	void servesTheSharedAssetsItself() throws Exception {
		HttpResponse<String> css = get("/assets/bcs.css", "text/css");
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.body()).contains(".site-header");
	}

	private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
