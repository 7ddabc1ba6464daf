package org.biochemsec2030.gateway.error;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors the gateway answers itself, in one shape each: browsers get the site's error
 * pages, API clients (any path under /api/, any client that does not take HTML) RFC 9457
 * problem JSON; both with the security headers and without an internal address. The
 * services behind it are stopped (content, publishing), break off every answer (tracker)
 * or never answer (network).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s")
class GatewayErrorsIT {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final String JSON = "application/json";

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static final List<Socket> HELD = new CopyOnWriteArrayList<>();

	private static final List<ServerSocket> SERVERS = new CopyOnWriteArrayList<>();

	@Value("${local.server.port}")
	private int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) throws IOException {
		for (String service : new String[] { "content", "publishing" }) {
			int closed;
			try (ServerSocket socket = new ServerSocket(0)) {
				closed = socket.getLocalPort();
			}
			registry.add("BCS_" + service.toUpperCase() + "_URI", () -> "http://127.0.0.1:" + closed);
		}
		int breaksOff = server(false);
		registry.add("BCS_TRACKER_URI", () -> "http://127.0.0.1:" + breaksOff);
		int silent = server(true);
		registry.add("BCS_NETWORK_URI", () -> "http://127.0.0.1:" + silent);
	}

	/**
	 * A service that accepts connections and then either holds them silently or closes
	 * them.
	 */
	private static int server(boolean hold) throws IOException {
		ServerSocket server = new ServerSocket(0);
		SERVERS.add(server);
		Thread.ofVirtual().start(() -> {
			while (!server.isClosed()) {
				try {
					Socket socket = server.accept();
					if (hold) {
						HELD.add(socket);
					}
					else {
						socket.getInputStream().read(new byte[1024]);
						socket.close();
					}
				}
				catch (IOException ex) {
					// Closed at the end of the class.
				}
			}
		});
		return server.getLocalPort();
	}

	@AfterAll
	static void stopServices() throws IOException {
		for (Socket socket : HELD) {
			socket.close();
		}
		for (ServerSocket server : SERVERS) {
			server.close();
		}
	}

	@Test
	void showsBrowsersTheSharedNotFoundPage() throws Exception {
		HttpResponse<String> page = send("GET", "/no-such-page", BROWSER);
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(page.body()).contains("We can’t find that page")
			.contains("<nav class=\"site-nav\" aria-label=\"Main\">")
			.contains("<code>/no-such-page</code>");
		assertSecurityHeaders(page);
	}

	@Test
	void answersAnUnknownPathWithAProblemToAClientThatAsksForJson() throws Exception {
		HttpResponse<String> missing = send("GET", "/no-such-page", JSON);
		assertProblem(missing, 404);
		assertThat(missing.body()).contains("\"instance\":\"/no-such-page\"");
	}

	@Test
	void showsBrowsersThatAStoppedServicesPageIsUnavailable() throws Exception {
		HttpResponse<String> page = send("GET", "/papers/bwc-2026-1", BROWSER);
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.body()).contains("This part of the site is unavailable right now")
			.contains("<main id=\"main\"")
			.doesNotContain("127.0.0.1");
		assertSecurityHeaders(page);
	}

	@Test
	void answersApiClientsWithProblemDetails() throws Exception {
		HttpResponse<String> missing = send("GET", "/api/no-such-api", BROWSER);
		assertProblem(missing, 404);
		assertThat(missing.body()).contains("\"instance\":\"/api/no-such-api\"");

		HttpResponse<String> stopped = send("GET", "/api/publishing/v1/papers", JSON);
		assertProblem(stopped, 503);
		assertThat(stopped.body()).contains("\"title\":\"Service Unavailable\"");
	}

	@Test
	void answersBadGatewayWhenAServiceBreaksOffItsAnswer() throws Exception {
		assertProblem(send("GET", "/api/tracker/v1/developments", JSON), 502);
		HttpResponse<String> page = send("GET", "/tracker/developments", BROWSER);
		assertThat(page.statusCode()).isEqualTo(502);
		assertThat(page.body()).contains("<main id=\"main\"").doesNotContain("127.0.0.1");
		assertSecurityHeaders(page);
	}

	@Test
	void answersGatewayTimeoutWhenAServiceDoesNotAnswerInTime() throws Exception {
		assertProblem(send("GET", "/events/next", JSON), 504);
		HttpResponse<String> page = send("GET", "/network/apply", BROWSER);
		assertThat(page.statusCode()).isEqualTo(504);
		assertThat(page.body()).contains("<main id=\"main\"").doesNotContain("127.0.0.1");
	}

	@Test
	void answersAMethodThePathDoesNotTakeWithMethodNotAllowed() throws Exception {
		HttpResponse<String> problem = send("DELETE", "/", JSON);
		assertProblem(problem, 405);
		assertThat(problem.headers().firstValue("Allow"))
			.hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
		HttpResponse<String> page = send("DELETE", "/", BROWSER);
		assertThat(page.statusCode()).isEqualTo(405);
		assertThat(page.body()).contains("<main id=\"main\"");
		assertSecurityHeaders(page);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/pages/a%2F..%2Fadmin", "/blog/x;jsessionid=1", "/blog/%2e%2e/admin" })
	void explainsTheFirewallsRefusalsInsteadOfAnEmptyAnswer(String path) throws Exception {
		HttpResponse<String> problem = send("GET", path, JSON);
		assertProblem(problem, 400);
		assertThat(problem.body()).contains("\"title\":\"Request not accepted\"");

		HttpResponse<String> page = send("GET", path, BROWSER);
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("<main id=\"main\"").contains("characters or parts the site does not accept");
		assertSecurityHeaders(page);
	}

	@Test
	void refusesAFormOverTheCapWith413AndSaysHowLargeAFormMayBe() throws Exception {
		String form = "title=" + "x".repeat(600 * 1024);
		HttpResponse<String> problem = post("/blog/comments", form, JSON);
		assertProblem(problem, 413);
		assertThat(problem.body()).contains("A form may be at most 512 kB");

		HttpResponse<String> page = post("/blog/comments", form, BROWSER);
		assertThat(page.statusCode()).isEqualTo(413);
		assertThat(page.body()).contains("<h1>Form too large</h1>").contains("A form may be at most 512 kB");
		assertSecurityHeaders(page);
	}

	@Test
	void answersAnAddressTooLongForTheServerWithAProblemInsteadOfAnEmptyAnswer() throws Exception {
		// Past server.netty.max-initial-line-length (32 kB): Netty refuses it before the
		// application reads a header, so the shape is the problem (the page needs
		// Accept).
		HttpResponse<String> problem = send("GET", "/search?q=" + "a".repeat(40 * 1024), BROWSER);
		assertProblem(problem, 414);
		assertThat(problem.body()).contains("\"title\":\"Address too long\"");
	}

	@Test
	void answersHeadersTooLargeForTheServerInTheShapeTheClientAsksFor() throws Exception {
		String cookies = "a=" + "b".repeat(20 * 1024);
		HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(URI.create(url("/blog/a-post")))
			.header("Accept", BROWSER)
			.header("Cookie", cookies)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(431);
		assertThat(page.body()).contains("<main id=\"main\"").contains("<h1>Request headers too large</h1>");
		assertSecurityHeaders(page);

		HttpResponse<String> problem = CLIENT.send(HttpRequest.newBuilder(URI.create(url("/api/content/v1/posts")))
			.header("Accept", BROWSER)
			.header("X-Padding", cookies)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertProblem(problem, 431);
		assertThat(problem.body()).contains("\"instance\":\"/api/content/v1/posts\"");
	}

	@Test
	void refusesAClientThatSendsTheMarkerOfAnUndecodableRequestItself() throws Exception {
		HttpResponse<String> problem = CLIENT.send(HttpRequest.newBuilder(URI.create(url("/")))
			.header("Accept", JSON)
			.header("X-BCS-Undecodable", "line:guessed")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertProblem(problem, 400);
		assertThat(problem.body()).doesNotContain("Address too long");
	}

	@Test
	void servesTheSharedAssetsItself() throws Exception {
		HttpResponse<String> css = send("GET", "/assets/bcs.css", "text/css");
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.body()).contains(".site-header");
	}

	@Test
	void givesItsOwnPagesPermissionsAndOpenerPolicies() throws Exception {
		assertSecurityHeaders(send("GET", "/", BROWSER));
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":" + status)
			.contains("\"detail\":")
			.doesNotContain("127.0.0.1")
			.doesNotContain("Exception");
		assertSecurityHeaders(response);
	}

	static void assertSecurityHeaders(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(response.headers().firstValue("Permissions-Policy"))
			.hasValueSatisfying(policy -> assertThat(policy).contains("camera=()").contains("geolocation=()"));
		assertThat(response.headers().firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private HttpResponse<String> send(String method, String path, String accept)
			throws IOException, InterruptedException {
		return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept)
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String form, String accept)
			throws IOException, InterruptedException {
		return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
