package org.biochemsec2030.gateway.pages;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.biochemsec2030.platform.test.Engines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's kept pages against a small HTTP server standing in for content-service,
 * publishing-service, tracker-service and network-service: it counts the page requests it
 * gets, answers each with its current text, and tells each service's site version, which
 * the test moves as that service's database would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeptPagesIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final AtomicLong VERSION = new AtomicLong(1);

	private static final AtomicLong PUBLISHING_VERSION = new AtomicLong(1);

	private static final AtomicLong TRACKER_VERSION = new AtomicLong(1);

	private static final AtomicLong NETWORK_VERSION = new AtomicLong(1);

	private static final AtomicInteger RENDERS = new AtomicInteger();

	/** The renders of publishing's pages alone (content's background fetches aside). */
	private static final AtomicInteger PAPER_RENDERS = new AtomicInteger();

	/** The renders of tracker's and network's pages alone. */
	private static final AtomicInteger TRACKER_AND_NETWORK_RENDERS = new AtomicInteger();

	private static final AtomicInteger WARM_UPS = new AtomicInteger();

	private static volatile String text = "first";

	private static HttpServer content;

	@Value("${local.server.port}")
	private int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) throws IOException {
		content = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		content.createContext("/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			byte[] body;
			if (path.equals("/api/content/v1/site-version")) {
				body = ("{\"version\":" + VERSION.get() + "}").getBytes(StandardCharsets.UTF_8);
			}
			else if (path.equals("/api/publishing/v1/site-version")) {
				body = ("{\"version\":" + PUBLISHING_VERSION.get() + "}").getBytes(StandardCharsets.UTF_8);
			}
			else if (path.equals("/api/tracker/v1/site-version")) {
				body = ("{\"version\":" + TRACKER_VERSION.get() + "}").getBytes(StandardCharsets.UTF_8);
			}
			else if (path.equals("/api/network/v1/site-version")) {
				body = ("{\"version\":" + NETWORK_VERSION.get() + "}").getBytes(StandardCharsets.UTF_8);
			}
			else if (exchange.getRequestMethod().equals("POST")) {
				// A write through the gateway: the change is committed when it answers.
				text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				body = "{}".getBytes(StandardCharsets.UTF_8);
			}
			else {
				RENDERS.incrementAndGet();
				if (path.startsWith("/papers") || path.startsWith("/meetings")) {
					PAPER_RENDERS.incrementAndGet();
				}
				if (path.startsWith("/tracker") || path.startsWith("/network") || path.startsWith("/events")) {
					TRACKER_AND_NETWORK_RENDERS.incrementAndGet();
				}
				body = ("<p>" + text + " " + path + " " + exchange.getRequestHeaders().getFirst("Authorization")
						+ "</p>")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
			}
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		// One thread per request: the version reads, the home page's background reads and
		// the test's own never queue behind each other.
		content.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
		content.start();
		String uri = "http://127.0.0.1:" + content.getAddress().getPort();
		registry.add("BCS_CONTENT_URI", () -> uri);
		registry.add("BCS_PUBLISHING_URI", () -> uri);
		registry.add("BCS_TRACKER_URI", () -> uri);
		registry.add("BCS_NETWORK_URI", () -> uri);
		// The home page reads its sections from the same server in the background; read
		// once at start only, those reads never land among the renders a test counts.
		registry.add("bcs.home.cache-for", () -> "1h");
		registry.add("bcs.identity.client-secret", () -> "not-used-here");
		registry.add("spring.data.redis.host", () -> Engines.redis().getHost());
		registry.add("spring.data.redis.port", () -> Engines.redis().getMappedPort(6379));
	}

	@AfterAll
	static void stop() {
		content.stop(0);
	}

	@BeforeEach
	void versionKnown() throws Exception {
		keptAfterFirstRead("/blog/warm-up-" + WARM_UPS.incrementAndGet());
	}

	/**
	 * Reads a page, then waits until the gateway answers it from memory (the first read
	 * is proxied and the page fetched again in the background for the readers after).
	 */
	private void keptAfterFirstRead(String path) throws Exception {
		read(path);
		Awaitility.await("the gateway answers " + path + " from memory").atMost(Duration.ofSeconds(30)).until(() -> {
			int before = RENDERS.get();
			read(path);
			return RENDERS.get() == before;
		});
	}

	@Test
	void answersARepeatedAnonymousReadFromMemory() throws Exception {
		String first = read("/blog/a-post").body();
		keptAfterFirstRead("/blog/a-post");
		int before = RENDERS.get();
		assertThat(read("/blog/a-post").body()).isEqualTo(first);
		assertThat(read("/blog/a-post").body()).isEqualTo(first);
		assertThat(RENDERS.get()).isEqualTo(before);
	}

	@Test
	void showsAWriteThroughTheGatewayOnTheNextRead() throws Exception {
		keptAfterFirstRead("/blog/edited");
		HttpResponse<String> write = HTTP.send(
				request("/api/content/v1/posts").POST(HttpRequest.BodyPublishers.ofString("edited")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(write.statusCode()).isEqualTo(200);
		assertThat(read("/blog/edited").body()).contains("edited /blog/edited");
	}

	@Test
	void showsAChangeMadeElsewhereOnceTheVersionMoves() throws Exception {
		keptAfterFirstRead("/feeds/posts.atom");
		text = "changed elsewhere";
		assertThat(read("/feeds/posts.atom").body()).as("kept until the version moves").doesNotContain("elsewhere");
		VERSION.incrementAndGet();
		Awaitility.await("the new version read")
			.atMost(Duration.ofSeconds(30))
			.until(() -> read("/feeds/posts.atom").body().contains("changed elsewhere"));
	}

	@Test
	void neverSharesASignedInReadOrKeepsPagesOutsideThePublicSections() throws Exception {
		int before = RENDERS.get();
		HttpResponse<String> bearer = HTTP.send(request("/blog/mine").header("Authorization", "Bearer partner").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(bearer.body()).contains("Bearer partner");
		HTTP.send(request("/blog/mine").header("Authorization", "Bearer partner").build(),
				HttpResponse.BodyHandlers.ofString());
		HTTP.send(request("/blog/mine").header("Cookie", "SESSION=someone").build(),
				HttpResponse.BodyHandlers.ofString());
		read("/api/content/v1/posts");
		read("/api/content/v1/posts");
		assertThat(RENDERS.get()).isEqualTo(before + 5);
		assertThat(read("/blog/mine").body()).doesNotContain("Bearer");
	}

	@Test
	void showsAPublicationThroughTheGatewayOnTheNextReadOfThePaper() throws Exception {
		keptAfterFirstRead("/papers/a-paper");
		HttpResponse<String> write = HTTP
			.send(request("/api/publishing/v1/papers/1/publish").POST(HttpRequest.BodyPublishers.ofString("published"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(write.statusCode()).isEqualTo(200);
		assertThat(read("/papers/a-paper").body()).contains("published /papers/a-paper");
	}

	@Test
	void showsAWithdrawalMadeElsewhereOnceThePublishingVersionMoves() throws Exception {
		keptAfterFirstRead("/meetings/msp-2026");
		text = "withdrawn by the scheduler";
		assertThat(read("/meetings/msp-2026").body()).as("kept until the version moves").doesNotContain("withdrawn");
		PUBLISHING_VERSION.incrementAndGet();
		Awaitility.await("the new publishing version read")
			.atMost(Duration.ofSeconds(30))
			.until(() -> read("/meetings/msp-2026").body().contains("withdrawn by the scheduler"));
	}

	@Test
	void keepsEachServicesPagesByItsOwnVersionAndWrites() throws Exception {
		keptAfterFirstRead("/papers/unrelated");
		keptAfterFirstRead("/blog/beside-a-paper");
		text = "a new post";
		VERSION.incrementAndGet();
		HTTP.send(request("/api/content/v1/posts").POST(HttpRequest.BodyPublishers.ofString("a new post")).build(),
				HttpResponse.BodyHandlers.ofString());
		Awaitility.await("content's change shown")
			.atMost(Duration.ofSeconds(30))
			.until(() -> read("/blog/beside-a-paper").body().contains("a new post"));
		int before = PAPER_RENDERS.get();
		assertThat(read("/papers/unrelated").body()).as("still kept: publishing did not change")
			.doesNotContain("a new post");
		assertThat(PAPER_RENDERS.get()).isEqualTo(before);
	}

	@Test
	void neverKeepsAPapersPdf() throws Exception {
		read("/papers/a-paper/v1/paper.pdf");
		int before = PAPER_RENDERS.get();
		read("/papers/a-paper/v1/paper.pdf");
		read("/papers/a-paper/v1/paper.pdf");
		assertThat(PAPER_RENDERS.get()).isEqualTo(before + 2);
	}

	@Test
	void showsATrackerChangeMadeElsewhereOnceTheTrackerVersionMoves() throws Exception {
		keptAfterFirstRead("/tracker/a-development");
		text = "published by another replica";
		assertThat(read("/tracker/a-development").body()).as("kept until the version moves")
			.doesNotContain("another replica");
		TRACKER_VERSION.incrementAndGet();
		Awaitility.await("the new tracker version read")
			.atMost(Duration.ofSeconds(30))
			.until(() -> read("/tracker/a-development").body().contains("published by another replica"));
	}

	@Test
	void showsAnAnswerToAMeetingThroughTheGatewayOnTheNextReadOfItsPage() throws Exception {
		keptAfterFirstRead("/events/a-meeting");
		HttpResponse<String> write = HTTP.send(request("/api/network/v1/meetings/a-meeting/rsvp")
			.POST(HttpRequest.BodyPublishers.ofString("all places taken"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(write.statusCode()).isEqualTo(200);
		assertThat(read("/events/a-meeting").body()).contains("all places taken /events/a-meeting");
	}

	@Test
	void keepsTheNetworksLandingPageButNoFormOrMembersPageUnderIt() throws Exception {
		keptAfterFirstRead("/network");
		int before = TRACKER_AND_NETWORK_RENDERS.get();
		read("/network");
		assertThat(TRACKER_AND_NETWORK_RENDERS.get()).as("the landing page, kept").isEqualTo(before);
		read("/network/apply");
		read("/network/apply");
		read("/network/me/digests");
		read("/tracker/suggest");
		read("/tracker/suggest");
		assertThat(TRACKER_AND_NETWORK_RENDERS.get()).isEqualTo(before + 5);
	}

	private HttpResponse<String> read(String path) throws Exception {
		return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "text/html");
	}

}
