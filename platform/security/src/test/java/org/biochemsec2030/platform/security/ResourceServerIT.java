package org.biochemsec2030.platform.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import org.biochemsec2030.platform.test.Identity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's own checks on tokens from the real realm, with requests sent straight to
 * the service (no gateway in front).
 */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bcs.security.staff-roles=editor", "bcs.security.clock-skew=0s",
				"spring.flyway.locations=classpath:db/platform" })
class ResourceServerIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		SecuredTestApplication.engines(registry);
	}

	@Test
	void anonymousReadersReadPublicApis() {
		assertThat(get("/api/demo/v1/things", null).statusCode()).isEqualTo(200);
	}

	@Test
	void anonymousWriteGetsA401ProblemDetail() {
		HttpResponse<String> response = post("/api/demo/v1/things", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":401");
	}

	@Test
	void editorWritesAndTheAuditLogNamesTheUserFromTheToken() {
		String token = Identity.tokenFor("editor");

		HttpResponse<String> response = post("/api/demo/v1/things", token, "{\"name\":\"audited-thing\"}");

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.body()).contains("\"createdBy\":\"editor\"");
		String subject = claim(token, "sub");
		assertThat(this.jdbc.sql("select actor from audit_log where target = 'thing:audited-thing'")
			.query(String.class)
			.list()).containsExactly(subject);
	}

	@Test
	void signedInUserWithoutTheRoleGets403() {
		HttpResponse<String> response = post("/api/demo/v1/things", Identity.tokenFor("member"));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("\"status\":403");
	}

	@Test
	void adminToolAdmitsStaffRolesAndAdmins() {
		assertThat(get("/admin/demo", Identity.tokenFor("editor")).statusCode()).isEqualTo(200);
		assertThat(get("/admin/demo", Identity.tokenFor("admin")).body()).contains("\"user\":\"admin\"");
		assertThat(get("/admin/demo", Identity.tokenFor("analyst")).statusCode()).isEqualTo(403);
		assertThat(get("/admin/demo", null).statusCode()).isEqualTo(401);
	}

	@Test
	void tamperedTokenIsRejected() {
		String[] parts = Identity.tokenFor("member").split("\\.");
		// The same token claiming the admin role: the signature no longer matches.
		String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"member\"", "\"admin\"");
		String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
				+ "." + parts[2];

		HttpResponse<String> response = get("/admin/demo", forged);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(header -> assertThat(header).contains("invalid_token"));
	}

	@Test
	void expiredTokenIsRejected() {
		String token = Identity.shortLivedTokenFor("editor");
		assertThat(get("/admin/demo", token).statusCode()).isEqualTo(200);

		// Until the token's own expiry has passed (the test runs with no clock skew).
		java.time.Instant expiry = java.time.Instant.ofEpochSecond(Long.parseLong(claimNumber(token, "exp")));
		org.awaitility.Awaitility.await("token expiry")
			.atMost(java.time.Duration.ofSeconds(10))
			.pollInterval(java.time.Duration.ofMillis(100))
			.until(() -> java.time.Instant.now().isAfter(expiry));

		HttpResponse<String> response = get("/admin/demo", token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(header -> assertThat(header).contains("expired"));
	}

	@Test
	void partnerTokenReachesPartnerApisAndNothingElse() {
		String partner = Identity.partnerToken();

		assertThat(get("/api/demo/partner/v1/feed", partner).statusCode()).isEqualTo(200);
		assertThat(post("/api/demo/v1/things", partner).statusCode()).isEqualTo(403);
		assertThat(get("/admin/demo", partner).statusCode()).isEqualTo(403);
		assertThat(get("/api/demo/partner/v1/feed", Identity.tokenFor("editor")).statusCode()).isEqualTo(403);
		assertThat(get("/api/demo/partner/v1/feed", null).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> get(String path, String token) {
		return send(request(path, token).GET());
	}

	private HttpResponse<String> post(String path, String token) {
		return post(path, token, "{\"name\":\"x\"}");
	}

	private HttpResponse<String> post(String path, String token, String json) {
		return send(request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpRequest.Builder request(String path, String token) {
		var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String claimNumber(String jwt, String name) {
		String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
		var matcher = java.util.regex.Pattern.compile("\"" + name + "\":(\\d+)").matcher(payload);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private static String claim(String jwt, String name) {
		String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
		var matcher = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(payload);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

}
