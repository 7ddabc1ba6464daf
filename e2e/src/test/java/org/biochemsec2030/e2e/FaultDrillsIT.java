package org.biochemsec2030.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.biochemsec2030.platform.test.Engines;
import org.biochemsec2030.platform.test.Http;
import org.biochemsec2030.platform.test.SignInBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault drills, run against the real engines and the five real apps through the
 * gateway: each takes one engine or app away the way an outage does (the container
 * stopped, the process killed), checks what readers, editors and consumers observe while
 * it is away, brings it back and checks that the suite recovers by itself. Every drill
 * restores what it took away before it ends, so the drills, and the classes after them,
 * start from a whole suite. The least disruptive drills go first; the one that kills a
 * service goes last.
 */
@Order(4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultDrillsIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Far above anything a healthy suite needs, so only a suite that does not recover
	 * fails: engines and apps start slowly on our shared machines.
	 */
	private static final Duration RECOVERY = Duration.ofMinutes(3);

	/**
	 * The longest any single answer may take while an engine is away: an answer that
	 * takes longer counts as a hang.
	 */
	private static final Duration ANSWER = Duration.ofSeconds(20);

	/** The consumer group that indexes content-service's own events for search. */
	private static final String SEARCH_CONSUMER = "content-service-search";

	private static final HttpClient ANONYMOUS = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private static SuiteProcesses suite;

	@BeforeAll
	static void suite() throws IOException {
		suite = RunningSuite.get();
	}

	@Test
	@Order(1)
	void withSearchDownTheSiteStaysUpAndSearchSaysItIsUnavailableUntilItIsBack() {
		Editor editor = Editor.signIn();
		String marker = marker();
		Post post = editor.publishNewPost("Search outage drill " + marker);
		awaitSearchable(marker);

		Engines.stop(Engines.elasticsearch());
		try {
			assertThat(anonymous("/").statusCode()).isEqualTo(200);
			assertThat(anonymous("/blog").statusCode()).isEqualTo(200);
			HttpResponse<String> page = anonymous("/blog/" + post.slug());
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains(post.title());

			HttpResponse<String> searchPage = anonymous("/search?q=" + marker, "text/html");
			assertThat(searchPage.statusCode()).isEqualTo(503);
			assertThat(searchPage.body()).contains("Search is unavailable at the moment");

			HttpResponse<String> api = anonymous("/api/search?q=" + marker, "application/json");
			assertThat(api.statusCode()).isEqualTo(503);
			assertThat(api.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(api.headers().firstValue("Retry-After")).isPresent();
			JsonNode problem = JSON.readTree(api.body());
			assertThat(problem.path("status").asInt()).isEqualTo(503);
			assertThat(problem.path("title").asString()).isEqualTo("Search unavailable");
		}
		finally {
			Engines.startAgain(Engines.elasticsearch());
		}
		awaitSearchable(marker);
		assertThat(anonymous("/search?q=" + marker, "text/html").body()).contains(post.title());
		awaitEveryServiceHealthy();
	}

	@Test
	@Order(2)
	void withRedisDownReadersReadOnAndSignedInUsersAreAskedToSignInAgain() {
		SignInBrowser member = new SignInBrowser();
		assertThat(member.signIn(suite.gateway("/account"), "member", "demo-member").statusCode()).isEqualTo(200);

		Engines.stop(Engines.redis());
		try {
			assertThat(anonymous("/").statusCode()).isEqualTo(200);
			assertThat(anonymous("/blog").statusCode()).isEqualTo(200);
			assertThat(anonymous("/search?q=biosecurity", "text/html").statusCode()).isEqualTo(200);

			// The gateway cannot read the session: the user counts as signed out, reads
			// public pages as any reader does and is sent to sign in for their own.
			HttpResponse<String> blog = member
				.send(HttpRequest.newBuilder(URI.create(suite.gateway("/blog"))).timeout(ANSWER));
			assertThat(blog.statusCode()).as(blog.body()).isEqualTo(200);
			HttpResponse<String> account = member
				.send(HttpRequest.newBuilder(URI.create(suite.gateway("/account"))).timeout(ANSWER));
			assertThat(account.statusCode()).as(account.body()).isEqualTo(302);
			assertThat(account.headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).contains("/oauth2/authorization/keycloak"));
		}
		finally {
			Engines.startAgain(Engines.redis());
		}
		await("Redis answers again").until(FaultDrillsIT::redisAnswers);
		// Sessions work again: signing in lands on the account page.
		await("a sign-in after Redis is back")
			.until(() -> new SignInBrowser().signIn(suite.gateway("/account"), "member", "demo-member")
				.statusCode() == 200);
	}

	@Test
	@Order(3)
	void withTheBrokerDownEditorsPublishAndEveryEventArrivesWhenItIsBack() throws SQLException {
		Editor editor = Editor.signIn();
		String marker = marker();

		Engines.stopKafka();
		Post post;
		List<String> events;
		try {
			post = editor.publishNewPost("Broker outage drill " + marker);
			// The change is on the site at once; its events wait in the outbox.
			HttpResponse<String> page = anonymous("/blog/" + post.slug());
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains(post.title());
			events = outboxEvents(post.id(), "bcs.content");
			assertThat(events).as("the post's event on bcs.content").hasSize(1);
			assertThat(handledBySearch(events)).isEmpty();
		}
		finally {
			Engines.startKafka();
		}

		// The same event (by id) reaches the consumer, and its effect shows.
		await("the search consumer handles " + events).until(() -> handledBySearch(events).equals(events));
		awaitSearchable(marker);
		await("every event of the post published").until(() -> unpublishedEvents(post.id()) == 0);
		awaitEveryServiceHealthy();
	}

	@Test
	@Order(4)
	void afterAPostgresRestartTheServicesRecoverWithoutARestartOfTheirOwn() {
		Editor editor = Editor.signIn();
		List<Long> pids = SuiteProcesses.SERVICES.stream()
			.map(service -> suite.app(service + "-service").process().pid())
			.toList();

		Engines.stop(Engines.postgres());
		try {
			// Requests that need the database fail, and they fail rather than hang.
			HttpResponse<String> blog = anonymous("/blog");
			assertThat(blog.statusCode()).as(blog.body()).isGreaterThanOrEqualTo(500);
			HttpResponse<String> api = anonymous("/api/content/v1/posts", "application/json");
			assertThat(api.statusCode()).as(api.body()).isGreaterThanOrEqualTo(500);
			assertThat(anonymous("/").statusCode()).isEqualTo(200);
		}
		finally {
			Engines.startAgain(Engines.postgres());
		}

		awaitEveryServiceHealthy();
		await("the blog reads again").until(() -> anonymous("/blog").statusCode() == 200);
		String marker = marker();
		editor.publishNewPost("Database restart drill " + marker);
		awaitSearchable(marker);
		assertThat(SuiteProcesses.SERVICES.stream().map(service -> suite.app(service + "-service").process()))
			.allSatisfy(process -> assertThat(process.isAlive()).isTrue())
			.extracting(Process::pid)
			.containsExactlyElementsOf(pids);
	}

	/**
	 * A service killed while a publish is inside its transaction (the post already
	 * changed, its event being written): the database rolls the whole publish back. An
	 * earlier publish that committed while the broker was away is still in the outbox and
	 * goes out once the service is back. While the service is down the home page still
	 * answers, with that service's sections marked unavailable.
	 */
	@Test
	@Order(5)
	void aServiceKilledInTheMiddleOfAPublishLeavesNoHalfDoneStateAndDeliversWhatCommitted() throws Exception {
		Editor editor = Editor.signIn();
		String committedMarker = marker();
		String killedMarker = marker();
		Post killed = editor.createPost("Killed publish drill " + killedMarker);

		Engines.stopKafka();
		Post committed;
		List<String> committedEvents;
		try {
			committed = editor.publishNewPost("Committed before the kill " + committedMarker);
			committedEvents = outboxEvents(committed.id(), "bcs.content");
			assertThat(committedEvents).hasSize(1);

			try (Connection lock = contentDatabase()) {
				// Holding the outbox stops the publish between its change and its event:
				// the post's row is updated, the transaction waits to write the event.
				lock.setAutoCommit(false);
				try (Statement statement = lock.createStatement()) {
					statement.execute("lock table event_outbox in exclusive mode");
				}
				CompletableFuture<HttpResponse<String>> publishing = new CompletableFuture<>();
				Thread.ofPlatform().start(() -> {
					try {
						publishing.complete(editor.publish(killed.id()));
					}
					catch (RuntimeException ex) {
						publishing.completeExceptionally(ex);
					}
				});
				await("the publish waiting to write its event").until(FaultDrillsIT::publishWaitsForTheOutbox);

				suite.kill("content-service");

				assertThat(publishing.get(ANSWER.toSeconds(), TimeUnit.SECONDS).statusCode())
					.as("the gateway's answer to the cut-off publish")
					.isGreaterThanOrEqualTo(500);
				await("the home page with content-service down").until(() -> {
					HttpResponse<String> home = anonymous("/");
					return home.statusCode() == 200 && home.body().contains("Posts are unavailable right now.")
							&& home.body().contains("The mini-blog is unavailable right now.");
				});
				lock.rollback();
			}
			// The killed service's connections end; its open transaction with them.
			await("the killed service's sessions gone").until(() -> contentSessions() == 0);
			assertThat(statusOf(killed.id())).isEqualTo("DRAFT");
			assertThat(outboxEvents(killed.id(), null)).isEmpty();
		}
		finally {
			Engines.startKafka();
		}

		suite.restart("content-service");

		assertThat(anonymous("/blog/" + killed.slug()).statusCode()).isEqualTo(404);
		assertThat(statusOf(killed.id())).isEqualTo("DRAFT");
		await("the committed event handled after the restart")
			.until(() -> handledBySearch(committedEvents).equals(committedEvents));
		awaitSearchable(committedMarker);
		// Nothing of the cut-off publish is left in the way: it can simply be done again.
		assertThat(editor.publish(killed.id()).statusCode()).isEqualTo(200);
		awaitSearchable(killedMarker);
		await("the home page whole again").until(() -> !anonymous("/").body().contains("unavailable right now"));
		awaitEveryServiceHealthy();
	}

	// --- the editor ---

	record Post(String id, String slug, String title) {
	}

	/** An editor signed in at the gateway, writing through the content API. */
	private record Editor(SignInBrowser browser, String csrf) {

		static Editor signIn() {
			SignInBrowser browser = new SignInBrowser();
			HttpResponse<String> account = browser.signIn(suite.gateway("/account"), "editor", "demo-editor");
			assertThat(account.statusCode()).isEqualTo(200);
			return new Editor(browser, SignInBrowser.csrfField(account.body()));
		}

		Post createPost(String title) {
			HttpResponse<String> created = post("/api/content/v1/posts",
					"{\"title\":\"" + title + "\",\"summary\":\"A post written during a fault drill.\","
							+ "\"body\":\"It must survive the drill.\",\"topics\":[\"detection-verification\"],"
							+ "\"regimes\":[\"BWC\"],\"tags\":[\"drill\"]}");
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			JsonNode body = JSON.readTree(created.body());
			return new Post(body.path("id").asString(), body.path("slug").asString(), title);
		}

		HttpResponse<String> publish(String id) {
			return post("/api/content/v1/posts/" + id + "/publish", "{}");
		}

		Post publishNewPost(String title) {
			Post post = createPost(title);
			HttpResponse<String> published = publish(post.id());
			assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
			return post;
		}

		private HttpResponse<String> post(String path, String json) {
			return this.browser.send(HttpRequest.newBuilder(URI.create(suite.gateway(path)))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/json")
				.header("X-CSRF-TOKEN", this.csrf)
				.POST(HttpRequest.BodyPublishers.ofString(json)));
		}

	}

	// --- what readers see ---

	private static HttpResponse<String> anonymous(String path) {
		return anonymous(path, "text/html");
	}

	/**
	 * A reader without a session; an answer slower than {@link #ANSWER} fails the drill
	 * as a hang.
	 */
	private static HttpResponse<String> anonymous(String path, String accept) {
		try {
			return ANONYMOUS.send(HttpRequest.newBuilder(URI.create(suite.gateway(path)))
				.timeout(ANSWER)
				.header("Accept", accept)
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("GET " + path + " got no answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void awaitSearchable(String marker) {
		String path = "/api/search?q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8);
		await("search finds " + marker).until(() -> {
			HttpResponse<String> found = anonymous(path, "application/json");
			return found.statusCode() == 200 && found.body().contains(marker);
		});
	}

	private static void awaitEveryServiceHealthy() {
		for (String service : SuiteProcesses.SERVICES) {
			await(service + " healthy through the gateway")
				.until(() -> JSON.readTree(Http.get(suite.gateway("/health/" + service)).body())
					.path("status")
					.asString()
					.equals("UP"));
		}
	}

	// --- the engines, as an operator looks at them ---

	private static Connection contentDatabase() throws SQLException {
		return DriverManager.getConnection(Engines.database("content"), "content", "content");
	}

	/** The ids of a post's events in content-service's outbox, on one topic or all. */
	private static List<String> outboxEvents(String postId, String topic) throws SQLException {
		try (Connection db = contentDatabase();
				PreparedStatement query = db.prepareStatement(
						"select event_id from event_outbox where aggregate_id = ? and (? is null or topic = ?) order by id")) {
			query.setString(1, postId);
			query.setString(2, topic);
			query.setString(3, topic);
			return strings(query);
		}
	}

	private static int unpublishedEvents(String postId) throws SQLException {
		try (Connection db = contentDatabase();
				PreparedStatement query = db.prepareStatement(
						"select count(*) from event_outbox where aggregate_id = ? and published_at is null")) {
			query.setString(1, postId);
			return Integer.parseInt(strings(query).get(0));
		}
	}

	/** Which of these events the search consumer has recorded in its inbox. */
	private static List<String> handledBySearch(List<String> eventIds) throws SQLException {
		try (Connection db = contentDatabase();
				PreparedStatement query = db.prepareStatement(
						"select event_id from event_inbox where consumer = ? and event_id = any(?) order by event_id")) {
			query.setString(1, SEARCH_CONSUMER);
			query.setArray(2, db.createArrayOf("text", eventIds.toArray()));
			List<String> handled = strings(query);
			return eventIds.stream().filter(handled::contains).toList();
		}
	}

	private static String statusOf(String postId) throws SQLException {
		try (Connection db = contentDatabase();
				PreparedStatement query = db.prepareStatement("select status from post where id = ?::uuid")) {
			query.setString(1, postId);
			return strings(query).stream().findFirst().orElseThrow();
		}
	}

	/** Whether a session of content-service waits for a lock while writing an event. */
	private static boolean publishWaitsForTheOutbox() throws SQLException {
		try (Connection db = contentDatabase();
				PreparedStatement query = db.prepareStatement("select count(*) from pg_stat_activity where datname = "
						+ "'content' and wait_event_type = 'Lock' and query ilike 'insert into event_outbox%'")) {
			return Integer.parseInt(strings(query).get(0)) > 0;
		}
	}

	/** Sessions in content-service's database other than the tests' own. */
	private static int contentSessions() throws SQLException {
		try (Connection db = contentDatabase();
				PreparedStatement query = db.prepareStatement(
						"select count(*) from pg_stat_activity where datname = 'content' and pid <> pg_backend_pid()")) {
			return Integer.parseInt(strings(query).get(0));
		}
	}

	private static List<String> strings(PreparedStatement query) throws SQLException {
		List<String> values = new ArrayList<>();
		try (ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	private static boolean redisAnswers() {
		var redis = Engines.redis();
		try (Socket socket = new Socket(redis.getHost(), redis.getMappedPort(6379))) {
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String answer = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			return "+PONG".equals(answer);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static ConditionFactory await(String what) {
		return Awaitility.await(what).atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).ignoreExceptions();
	}

	/** A word no other page has, so a search finds exactly one post. */
	private static String marker() {
		return "zqd" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
	}

}
