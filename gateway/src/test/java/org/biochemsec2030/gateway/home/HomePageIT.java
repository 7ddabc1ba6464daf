package org.biochemsec2030.gateway.home;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.biochemsec2030.platform.test.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page against stand-ins for the services, over real HTTP: content answers its
 * lists (one of them empty), publishing has no list API yet (404), tracker is too slow
 * and network is stopped (connection refused). The gateway reads the sections in the
 * background once per cache-for (here longer than the test), so readers never wait for
 * the slow or the stopped service and the services are not asked once per reader.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bcs.home.cache-for=10m")
class HomePageIT {

	private static final String POSTS = """
			{"items":[
			  {"title":"Report of the first network meeting","url":"/blog/first-network-meeting",
			   "summary":"How S&T review works in the BWC and the CWC, and where it falls short.",
			   "publishedAt":"2026-11-20T09:30:00Z","tags":["bwc","cwc"],"author":{"name":"ignored"}},
			  {"title":"<script>alert(\\"x\\")</script> & friends","url":"javascript:alert(1)",
			   "summary":"<img src=x onerror=alert(2)>","publishedAt":"2026-11-19T08:00:00Z"}
			],"page":0,"size":5,"total":2}""";

	private static final String NOTHING = """
			{"items":[],"page":0,"size":5,"total":0}""";

	private static final List<HttpServer> SERVERS = new java.util.concurrent.CopyOnWriteArrayList<>();

	private static final AtomicInteger TRACKER_ASKED = new AtomicInteger();

	private static final AtomicInteger CONTENT_ASKED = new AtomicInteger();

	@Value("${local.server.port}")
	private int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) throws IOException {
		HttpServer content = server(exchange -> {
			String path = exchange.getRequestURI().getPath();
			// The home page's lists; the kept pages' version reads are another reader's.
			if (path.equals("/api/content/v1/posts") || path.equals("/api/content/v1/micro")) {
				CONTENT_ASKED.incrementAndGet();
			}
			switch (path) {
				case "/api/content/v1/posts" -> send(exchange, 200, POSTS);
				case "/api/content/v1/micro" -> send(exchange, 200, NOTHING);
				default -> send(exchange, 404, "");
			}
		});
		HttpServer publishing = server(exchange -> send(exchange, 404, "{\"status\":404}"));
		HttpServer tracker = server(exchange -> {
			// The home page's list; the kept pages' version reads are another reader's.
			if (exchange.getRequestURI().getPath().equals("/api/tracker/v1/developments")) {
				TRACKER_ASKED.incrementAndGet();
			}
			try {
				Thread.sleep(Duration.ofSeconds(3));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			send(exchange, 200, POSTS);
		});
		registry.add("BCS_CONTENT_URI", () -> uri(content));
		registry.add("BCS_PUBLISHING_URI", () -> uri(publishing));
		registry.add("BCS_TRACKER_URI", () -> uri(tracker));
		String stopped = "http://127.0.0.1:" + closedPort();
		registry.add("BCS_NETWORK_URI", () -> stopped);
	}

	@AfterAll
	static void stopServices() {
		SERVERS.forEach(server -> server.stop(0));
	}

	@Test
	void rendersEachSectionFromItsServicesList() {
		Http.Response home = Http.get(url("/"));
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains(
				"<a class=\"entry__title\" href=\"/blog/first-network-meeting\">Report of the first network meeting</a>")
			.contains("How S&amp;T review works in the BWC and the CWC, and where it falls short.")
			.contains("<time datetime=\"2026-11-20T09:30:00Z\" data-local=\"date\">20 November 2026</time>")
			.contains("Nothing on the mini-blog yet.")
			.contains("The first briefing papers will appear here.");
	}

	@Test
	void showsTheSlowAndTheStoppedServicesSectionsAsUnavailableWithoutAskingThemPerReader() {
		for (int reader = 0; reader < 5; reader++) {
			Http.Response home = Http.get(url("/"));
			assertThat(home.status()).isEqualTo(200);
			assertThat(home.body()).contains("<p class=\"unavailable\">Meetings are unavailable right now.</p>")
				.contains("<p class=\"unavailable\">Tracked developments are unavailable right now.</p>")
				.contains("Report of the first network meeting");
		}
		// One read per section and period (the one at start-up), whatever the readers.
		assertThat(TRACKER_ASKED.get()).isLessThanOrEqualTo(1);
		assertThat(CONTENT_ASKED.get()).isLessThanOrEqualTo(2); // posts and micro
	}

	@Test
	void anonymousReadersShareOnePageWithTheSiteSecurityHeaders() throws Exception {
		HttpResponse<String> first = fetch("/", Map.of());
		HttpResponse<String> second = fetch("/", Map.of());
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).isEqualTo(first.body()).contains("Report of the first network meeting");
		for (HttpResponse<String> page : List.of(first, second)) {
			HttpHeaders headers = page.headers();
			assertThat(headers.firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
			assertThat(headers.firstValue("Content-Security-Policy"))
				.hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
			assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(headers.firstValue("Cache-Control"))
				.hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
			assertThat(headers.firstValue("Set-Cookie")).isEmpty();
		}
	}

	@Test
	void oneKeepAliveConnectionServesTheKeptPageAndOtherPagesInTurn() throws Exception {
		// A browser asks for the next page or asset on the same connection as soon as it
		// has an answer. The kept home page is answered at once, and Reactor Netty before
		// 1.3.8 then stopped reading that connection now and then (within a few hundred
		// turns here): the next request hung until the client gave up.
		try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
			for (int turn = 0; turn < 400; turn++) {
				for (String path : List.of("/", "/assets/bcs.css")) {
					HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
						.timeout(Duration.ofSeconds(10))
						.header("Accept", "text/html,*/*;q=0.8")
						.GET()
						.build();
					assertThat(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
						.as("turn %d, %s", turn, path)
						.isEqualTo(200);
				}
			}
		}
	}

	private HttpResponse<String> fetch(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
		headers.forEach(request::header);
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	@Test
	void escapesWhatTheServicesSendAndLinksOnlyWithinTheSite() {
		String body = Http.get(url("/")).body();
		assertThat(body).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; friends")
			.contains("&lt;img src=x onerror=alert(2)&gt;")
			.doesNotContain("<script>alert")
			.doesNotContain("<img src=x")
			.doesNotContain("javascript:");
	}

	@Test
	void isAPageOfTheSharedLayout() {
		String body = Http.get(url("/")).body();
		assertThat(body).contains("<title>Bio-Chemical Security 2030</title>")
			.contains("<main id=\"main\"")
			.contains("<a class=\"brand\" href=\"/\" aria-current=\"page\">")
			.contains("href=\"/assets/bcs.css\"");
		assertThat(Http.get(url("/assets/bcs.css")).status()).isEqualTo(200);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	interface Handler {

		void handle(HttpExchange exchange) throws IOException;

	}

	private static HttpServer server(Handler handler) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", handler::handle);
		// A slow answer must not hold up the next request.
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.start();
		SERVERS.add(server);
		return server;
	}

	private static void send(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		if (body.length > 0) {
			exchange.getResponseBody().write(body);
		}
		exchange.close();
	}

	private static String uri(HttpServer server) {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/**
	 * A port nothing listens on: connecting to it is refused at once, like a stopped
	 * service.
	 */
	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
