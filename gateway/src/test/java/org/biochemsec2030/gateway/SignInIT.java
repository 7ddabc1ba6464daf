package org.biochemsec2030.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.biochemsec2030.platform.test.Engines;
import org.biochemsec2030.platform.test.Identity;
import org.biochemsec2030.platform.test.SignInBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in through the gateway against the real Keycloak with the suite's realm, following
 * every redirect of the authorization-code flow as a browser would. A stand-in content
 * service reports what reaches it: the relayed token's user and roles, the CSRF token the
 * gateway hands over, any cookie, the body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
// The realm knows one gateway port: the context must let go of it for RedisOutageIT.
@DirtiesContext
class SignInIT {

	private static HttpServer content;

	private static String gateway() {
		return "http://localhost:" + Identity.gatewayPort();
	}

	@DynamicPropertySource
	static void identity(DynamicPropertyRegistry registry) throws IOException {
		content = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		content.createContext("/", exchange -> {
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String report = "who: " + who(authorization) + "\ncsrf: "
					+ exchange.getRequestHeaders().getFirst("X-BCS-CSRF-Token") + "\ncookie: "
					+ exchange.getRequestHeaders().getFirst("Cookie") + "\nbody: " + body + "\n";
			byte[] bytes = report.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		content.start();
		String contentUri = "http://127.0.0.1:" + content.getAddress().getPort();
		registry.add("BCS_CONTENT_URI", () -> contentUri);
		properties(registry::add, Identity.gatewayPort());
	}

	static void properties(java.util.function.BiConsumer<String, java.util.function.Supplier<Object>> registry,
			int port) {
		registry.accept("server.port", () -> port);
		registry.accept("bcs.identity.issuer-uri", Identity::issuer);
		registry.accept("bcs.identity.client-secret", Identity::gatewayClientSecret);
		registry.accept("bcs.identity.public-url", () -> "http://localhost:" + Identity.gatewayPort());
		registry.accept("spring.data.redis.host", () -> Engines.redis().getHost());
		registry.accept("spring.data.redis.port", () -> Engines.redis().getMappedPort(6379));
	}

	@AfterAll
	static void stop() {
		content.stop(0);
	}

	@Test
	void editorSignsInAndTheServiceBehindSeesTheUserAndRoles() {
		SignInBrowser browser = new SignInBrowser();

		HttpResponse<String> page = browser.open(gateway() + "/admin/content/posts");
		assertThat(browser.visited).extracting(URI::getPath)
			.containsSubsequence("/admin/content/posts", "/oauth2/authorization/keycloak",
					"/realms/biochemsec/protocol/openid-connect/auth");
		URI authorize = browser.visited.get(2);
		assertThat(authorize.getQuery()).contains("code_challenge_method=S256").contains("code_challenge=");

		HttpResponse<String> back = browser.submit(SignInBrowser.loginFormAction(page.body()),
				Map.of("username", "editor", "password", "demo-editor"));

		assertThat(browser.visited).extracting(URI::getPath)
			.containsSubsequence("/login/oauth2/code/keycloak", "/admin/content/posts");
		assertThat(back.statusCode()).isEqualTo(200);
		assertThat(back.body()).contains("who: editor [editor]").contains("cookie: null");
	}

	@Test
	void anonymousVisitToAnAdminPageIsSentToSignIn() {
		HttpResponse<String> response = new SignInBrowser().get(gateway() + "/admin/content/posts", Map.of());

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("/oauth2/authorization/keycloak");
	}

	/**
	 * Metrics are served on the management port (ManagementPortIT); on the public port
	 * Actuator still asks for an admin, and an admin finds nothing there.
	 */
	@Test
	void gatewayMetricsAreNotOnThePublicPort() {
		HttpResponse<String> anonymous = new SignInBrowser().get(gateway() + "/actuator/prometheus", Map.of());
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location")).hasValue("/oauth2/authorization/keycloak");

		SignInBrowser member = new SignInBrowser();
		member.signIn(gateway() + "/account", "member", "demo-member");
		assertThat(member.open(gateway() + "/actuator/prometheus").statusCode()).isEqualTo(403);

		SignInBrowser admin = new SignInBrowser();
		admin.signIn(gateway() + "/account", "admin", "demo-admin");
		HttpResponse<String> metrics = admin.open(gateway() + "/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(404);
		assertThat(metrics.body()).doesNotContain("jvm_memory_used_bytes");
		assertThat(new SignInBrowser().get(gateway() + "/readyz", Map.of()).statusCode()).isEqualTo(200);
	}

	@Test
	void signedInUserWithoutTheRoleGets403() {
		SignInBrowser browser = new SignInBrowser();
		browser.signIn(gateway() + "/account", "member", "demo-member");

		HttpResponse<String> response = browser.open(gateway() + "/admin/content/posts");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).doesNotContain("who:");
	}

	@Test
	void accountPageShowsTheUserNameAndRoles() {
		HttpResponse<String> account = new SignInBrowser().signIn(gateway() + "/account", "admin", "demo-admin");

		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains("<dd id=\"user-name\">admin</dd>")
			.contains("<li>admin</li>", "<li>editor</li>", "<li>publisher</li>");
	}

	@Test
	void homePageNamesTheSignedInUserWhileAnonymousReadersShareOnePage() {
		for (int reader = 0; reader < 2; reader++) {
			HttpResponse<String> anonymous = new SignInBrowser().open(gateway() + "/");
			assertThat(anonymous.statusCode()).isEqualTo(200);
			assertThat(anonymous.body()).contains(">Sign in</a>").doesNotContain("Account (");
		}
		SignInBrowser browser = new SignInBrowser();
		browser.signIn(gateway() + "/account", "member", "demo-member");

		HttpResponse<String> home = browser.open(gateway() + "/");

		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Account (member)").doesNotContain(">Sign in</a>");
	}

	@Test
	void sessionIsServedByASecondGatewayReplica() {
		SignInBrowser browser = new SignInBrowser();
		browser.signIn(gateway() + "/account", "analyst", "demo-analyst");

		try (ConfigurableApplicationContext replica = secondGateway()) {
			String port = replica.getEnvironment().getProperty("local.server.port");
			HttpResponse<String> account = browser.open("http://localhost:" + port + "/account");

			assertThat(account.statusCode()).isEqualTo(200);
			assertThat(account.body()).contains("<dd id=\"user-name\">analyst</dd>");
		}
	}

	@Test
	void stateChangingRequestInASessionNeedsTheCsrfToken() {
		SignInBrowser browser = new SignInBrowser();
		browser.signIn(gateway() + "/account", "editor", "demo-editor");

		HttpResponse<String> forged = browser.post(gateway() + "/api/content/v1/posts", Map.of("title", "forged"));
		assertThat(forged.statusCode()).isEqualTo(403);

		// A page rendered by the service gets the token from the gateway and puts it in
		// its form.
		String page = browser.open(gateway() + "/admin/content/posts/new").body();
		String token = page.lines().filter(line -> line.startsWith("csrf: ")).findFirst().orElseThrow().substring(6);
		assertThat(token).isNotEqualTo("null");

		HttpResponse<String> posted = browser.post(gateway() + "/api/content/v1/posts",
				Map.of("_csrf", token, "title", "A real post"));
		assertThat(posted.statusCode()).isEqualTo(200);
		// The form reached the service whole, after the gateway had read it for the
		// check.
		assertThat(posted.body()).contains("who: editor").contains("title=A+real+post");
	}

	@Test
	void clientsCannotSetTheCsrfHandoverHeaderThemselves() {
		HttpResponse<String> response = new SignInBrowser().get(gateway() + "/blog/x",
				Map.of("X-BCS-CSRF-Token", "chosen-by-client"));

		assertThat(response.body()).contains("csrf: null").contains("who: anonymous");
	}

	@Test
	void signOutEndsTheSessionAtKeycloakToo() {
		SignInBrowser browser = new SignInBrowser();
		HttpResponse<String> account = browser.signIn(gateway() + "/account", "coordinator", "demo-coordinator");

		HttpResponse<String> home = browser.submit(gateway() + "/logout",
				Map.of("_csrf", SignInBrowser.csrfField(account.body())));

		assertThat(browser.visited).extracting(URI::getPath)
			.containsSubsequence("/logout", "/realms/biochemsec/protocol/openid-connect/logout");
		assertThat(browser.visited.getLast()).isEqualTo(URI.create(gateway() + "/"));
		assertThat(home.statusCode()).isLessThan(500);
		// Keycloak asks for the password again: its own session is gone, not only the
		// gateway's.
		HttpResponse<String> again = browser.open(gateway() + "/account");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("kc-form-login");
	}

	@Test
	void partnersOwnTokenPassesThroughToTheService() {
		HttpResponse<String> response = new SignInBrowser().get(gateway() + "/api/content/partner/v1/feed",
				Map.of("Authorization", "Bearer " + Identity.partnerToken()));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("who: service-account-partner-demo [partner]");
	}

	@Test
	void concurrentFirstRequestsAfterSignInKeepTheSession() throws Exception {
		SignInBrowser browser = new SignInBrowser();
		// Signed in from the sign-in link, so sign-in ends on the home page, which needs
		// no CSRF token: the requests below are the session's first to need one.
		HttpResponse<String> home = browser.signIn(gateway() + "/oauth2/authorization/keycloak", "editor",
				"demo-editor");
		assertThat(browser.visited.getLast().getPath()).isEqualTo("/");
		assertThat(home.body()).contains("Account (editor)");

		var pages = new java.util.ArrayList<java.util.concurrent.CompletableFuture<HttpResponse<String>>>();
		try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			for (int page = 0; page < 6; page++) {
				String path = "/admin/content/assets/preview-" + page + ".js";
				pages.add(java.util.concurrent.CompletableFuture
					.supplyAsync(() -> browser.get(gateway() + path, Map.of()), threads));
			}
		}
		for (var page : pages) {
			HttpResponse<String> answer = page.get();
			assertThat(answer.body()).contains("who: editor");
			// The session id was rotated once, at sign-in; a new one now would leave the
			// other requests' browser with a session that no longer exists.
			assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
		}
		HttpResponse<String> account = browser.open(gateway() + "/account");
		assertThat(account.body()).contains("<dd id=\"user-name\">editor</dd>");
	}

	@Test
	void signInFromAnAdminPageReturnsToThatPage() {
		SignInBrowser browser = new SignInBrowser();
		HttpResponse<String> login = browser.open(gateway() + "/admin/content");

		HttpResponse<String> back = browser.submit(SignInBrowser.loginFormAction(login.body()),
				Map.of("username", "editor", "password", "demo-editor"));

		assertThat(browser.visited.getLast().getPath()).isEqualTo("/admin/content");
		assertThat(back.statusCode()).isEqualTo(200);
		assertThat(back.body()).contains("who: editor");
	}

	@Test
	void theHeadersSignInLinkReturnsToThePageItWasClickedOn() {
		SignInBrowser browser = new SignInBrowser();
		HttpResponse<String> login = browser.open(gateway() + "/oauth2/authorization/keycloak",
				Map.of("Referer", gateway() + "/blog/first-meeting-report?from=home"));

		HttpResponse<String> back = browser.submit(SignInBrowser.loginFormAction(login.body()),
				Map.of("username", "editor", "password", "demo-editor"));

		assertThat(browser.visited.getLast().getPath()).isEqualTo("/blog/first-meeting-report");
		assertThat(browser.visited.getLast().getQuery()).startsWith("from=home");
		assertThat(back.body()).contains("who: editor");
	}

	@Test
	void aSignInLinkOnAnotherSiteLandsOnTheHomePage() {
		SignInBrowser browser = new SignInBrowser();
		HttpResponse<String> login = browser.open(gateway() + "/oauth2/authorization/keycloak",
				Map.of("Referer", "https://elsewhere.example/blog/first-meeting-report"));

		browser.submit(SignInBrowser.loginFormAction(login.body()),
				Map.of("username", "editor", "password", "demo-editor"));

		assertThat(browser.visited.getLast().getPath()).isEqualTo("/");
	}

	@Test
	void aFailedSignInShowsAPageThatOffersToTryAgain() {
		SignInBrowser browser = new SignInBrowser();

		HttpResponse<String> page = browser.open(gateway() + "/login/oauth2/code/keycloak?code=made-up&state=made-up");

		assertThat(browser.visited.getLast().getPath()).isEqualTo("/login");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Sign-in did not complete")
			.contains("<main id=\"main\"")
			.contains("href=\"/oauth2/authorization/keycloak\">Try signing in again</a>");
	}

	@Test
	void aFormWithAStaleTokenIsRefusedWithWhatToDo() {
		SignInBrowser browser = new SignInBrowser();
		browser.signIn(gateway() + "/account", "editor", "demo-editor");

		HttpResponse<String> page = browser.post(gateway() + "/admin/content/posts",
				Map.of("_csrf", "from-an-older-session", "title", "x"));
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("This form has expired").contains("Reload the form").doesNotContain("who:");

		HttpResponse<String> problem = browser.post(gateway() + "/api/content/v1/posts", Map.of("title", "x"));
		assertThat(problem.statusCode()).isEqualTo(403);
		assertThat(problem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(problem.body()).contains("\"status\":403").contains("Reload the form");
	}

	@Test
	void aFormSentAfterTheSessionEndedAsksToSignInAgain() {
		SignInBrowser browser = new SignInBrowser();
		// A session without a sign-in (it holds only where to return), as one is after
		// its user was signed out.
		assertThat(browser.get(gateway() + "/admin/content/posts", Map.of()).statusCode()).isEqualTo(302);

		HttpResponse<String> page = browser.post(gateway() + "/admin/content/posts", Map.of("title", "x"));

		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("You were signed out")
			.contains("Sign in again, then reload the form")
			.contains("href=\"/oauth2/authorization/keycloak\">Sign in again</a>");
	}

	@Test
	void aFormBetween256And512KiloBytesReachesTheServiceWhole() {
		SignInBrowser browser = new SignInBrowser();
		browser.signIn(gateway() + "/account", "editor", "demo-editor");
		String page = browser.open(gateway() + "/admin/content/posts/new").body();
		String token = page.lines().filter(line -> line.startsWith("csrf: ")).findFirst().orElseThrow().substring(6);
		String body = "b".repeat(400 * 1024);

		HttpResponse<String> posted = browser.post(gateway() + "/admin/content/posts",
				Map.of("_csrf", token, "body", body));

		assertThat(posted.statusCode()).isEqualTo(200);
		assertThat(posted.body()).contains("who: editor").contains("body=" + body);
	}

	private static ConfigurableApplicationContext secondGateway() {
		var replica = new SpringApplicationBuilder(GatewayApplication.class);
		java.util.List<String> args = new java.util.ArrayList<>();
		properties((name, value) -> args.add("--" + name + "=" + value.get()), 0);
		args.add("--BCS_CONTENT_URI=http://127.0.0.1:" + content.getAddress().getPort());
		return replica.run(args.toArray(String[]::new));
	}

	/**
	 * The user and realm roles of a relayed bearer token, as a service would read them.
	 */
	private static String who(String authorization) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return "anonymous";
		}
		String payload = new String(Base64.getUrlDecoder().decode(authorization.substring(7).split("\\.")[1]),
				StandardCharsets.UTF_8);
		String user = field(payload, "preferred_username");
		var roles = java.util.regex.Pattern.compile("\"realm_access\":\\{\"roles\":\\[([^\\]]*)]").matcher(payload);
		String realmRoles = roles.find() ? roles.group(1).replace("\"", "") : "";
		// Only the suite's roles, in a stable order (Keycloak adds its defaults).
		String suiteRoles = java.util.Arrays.stream(realmRoles.split(","))
			.filter(role -> java.util.Set
				.of("member", "editor", "coordinator", "analyst", "publisher", "admin", "partner")
				.contains(role))
			.sorted()
			.collect(java.util.stream.Collectors.joining(","));
		return user + " [" + suiteRoles + "]";
	}

	private static String field(String json, String name) {
		var matcher = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		return matcher.find() ? matcher.group(1) : "?";
	}

}
