package org.biochemsec2030.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.biochemsec2030.platform.test.Engines;
import org.biochemsec2030.platform.test.Identity;
import org.biochemsec2030.platform.test.SignInBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signed in at the gateway acts on a real service behind it: the service sees
 * the user from the relayed token (and records them as the author of the change), refuses
 * a user without the role itself, and one trace runs from the browser's request through
 * the service's outbox to the consumer of the event it caused.
 */
@Order(2)
class SignedInAcrossTheSuiteIT {

	private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	private static SuiteProcesses suite;

	@BeforeAll
	static void suite() throws IOException {
		suite = RunningSuite.get();
	}

	@Test
	void editorsPostIsWrittenAsTheEditorAndItsEventContinuesTheRequestsTrace() throws Exception {
		SignInBrowser browser = new SignInBrowser();
		HttpResponse<String> account = browser.signIn(suite.gateway("/account"), "editor", "demo-editor");
		assertThat(account.statusCode()).isEqualTo(200);
		String csrf = SignInBrowser.csrfField(account.body());
		String traceId = HexFormat.of().formatHex(randomBytes(16));

		HttpResponse<String> created = browser.send(json("/api/content/v1/posts", csrf, traceId,
				"{\"title\":\"Signed in across the suite\",\"summary\":\"Written through the gateway.\","
						+ "\"body\":\"A post written by an editor signed in at the gateway.\","
						+ "\"topics\":[\"detection-verification\"],\"regimes\":[\"BWC\"],\"tags\":[\"e2e\"]}"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = match(ID, created.body());

		HttpResponse<String> published = browser
			.send(json("/api/content/v1/posts/" + id + "/publish", csrf, traceId, "{}"));
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

		assertThat(auditedActor(id)).isEqualTo(subjectOf(Identity.tokenFor("editor")));
		// The search consumer of bcs.content handled the post's event inside the same
		// trace.
		var log = suite.app("content-service").log();
		Awaitility.await("the consumer's log line in trace " + traceId)
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> Files.readAllLines(log)
				.stream()
				.anyMatch(line -> line.contains(traceId)
						&& line.contains("Handled org.biochemsec2030.content.post.published.v1")));
	}

	@Test
	void anonymousReadersSeeEachChangeOnTheNextReadThoughPagesAreKept() throws Exception {
		SignInBrowser editor = new SignInBrowser();
		String csrf = SignInBrowser.csrfField(editor.signIn(suite.gateway("/account"), "editor", "demo-editor").body());
		String trace = HexFormat.of().formatHex(randomBytes(16));
		String title = "Kept and fresh " + HexFormat.of().formatHex(randomBytes(4));
		java.util.List<String> lists = java.util.List.of("/blog", "/blog/tags/kept-e2e", "/feeds/posts.atom");
		for (String path : lists) {
			// Read twice: the second answer is the kept copy.
			anonymous(path);
			assertThat(anonymous(path).body()).as(path).doesNotContain(title);
		}

		String body = "{\"title\":\"%s\",\"summary\":\"Fresh on the next read.\",\"body\":\"Body.\","
				+ "\"topics\":[\"synthetic-biology\"],\"regimes\":[\"BWC\"],\"tags\":[\"kept-e2e\"]}";
		HttpResponse<String> created = editor.send(json("/api/content/v1/posts", csrf, trace, body.formatted(title)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = match(ID, created.body());
		HttpResponse<String> published = editor
			.send(json("/api/content/v1/posts/" + id + "/publish", csrf, trace, "{}"));
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		String post = "/blog/" + match(Pattern.compile("\"slug\":\"([^\"]+)\""), published.body());
		for (String path : java.util.List.of(post, "/blog", "/blog/tags/kept-e2e", "/feeds/posts.atom")) {
			assertThat(anonymous(path).body()).as("after the publish: " + path).contains(title);
		}

		String edited = title + " revised";
		HttpResponse<String> update = editor
			.send(json("/api/content/v1/posts/" + id, csrf, trace, body.formatted(edited)).method("PUT",
					HttpRequest.BodyPublishers.ofString(body.formatted(edited))));
		assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
		assertThat(editor.send(json("/api/content/v1/posts/" + id + "/publish", csrf, trace, "{}")).statusCode())
			.isEqualTo(200);
		for (String path : java.util.List.of(post, "/blog", "/blog/tags/kept-e2e", "/feeds/posts.atom")) {
			assertThat(anonymous(path).body()).as("after the edit: " + path).contains(edited);
		}

		HttpResponse<String> unpublished = editor
			.send(json("/api/content/v1/posts/" + id + "/unpublish", csrf, trace, "{}"));
		assertThat(unpublished.statusCode()).as(unpublished.body()).isEqualTo(200);
		assertThat(anonymous(post).statusCode()).isEqualTo(404);
		for (String path : lists) {
			assertThat(anonymous(path).body()).as("after the unpublish: " + path).doesNotContain(title);
		}
	}

	private static HttpResponse<String> anonymous(String path) throws Exception {
		return java.net.http.HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(suite.gateway(path)))
				.header("Accept", "text/html,application/atom+xml")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void signedInUserWithoutTheRoleIsRefusedByTheServiceItself() {
		SignInBrowser browser = new SignInBrowser();
		HttpResponse<String> account = browser.signIn(suite.gateway("/account"), "member", "demo-member");
		String csrf = SignInBrowser.csrfField(account.body());

		HttpResponse<String> refused = browser.send(json("/api/content/v1/posts", csrf,
				HexFormat.of().formatHex(randomBytes(16)),
				"{\"title\":\"Not mine to write\",\"summary\":\"s\",\"body\":\"b\",\"topics\":[],\"regimes\":[],\"tags\":[]}"));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
	}

	private static HttpRequest.Builder json(String path, String csrf, String traceId, String body) {
		String spanId = HexFormat.of().formatHex(randomBytes(8));
		return HttpRequest.newBuilder(URI.create(suite.gateway(path)))
			.header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", csrf)
			.header("traceparent", "00-" + traceId + "-" + spanId + "-01")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private static String auditedActor(String postId) throws SQLException {
		try (Connection db = DriverManager.getConnection(Engines.database("content"), "content", "content");
				PreparedStatement query = db
					.prepareStatement("select actor from audit_log where target = ? and action = 'post.created'")) {
			query.setString(1, "post:" + postId);
			try (ResultSet rows = query.executeQuery()) {
				assertThat(rows.next()).as("an audit entry for post " + postId).isTrue();
				return rows.getString(1);
			}
		}
	}

	private static String subjectOf(String jwt) {
		String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
		return match(Pattern.compile("\"sub\":\"([^\"]+)\""), payload);
	}

	private static String match(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
		return matcher.group(1);
	}

	private static byte[] randomBytes(int n) {
		byte[] bytes = new byte[n];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

}
