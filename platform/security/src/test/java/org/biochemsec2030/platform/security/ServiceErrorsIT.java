package org.biochemsec2030.platform.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.biochemsec2030.platform.test.Identity;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service gets from this module without a line of its own: the miniature service
 * here has no error handling at all, yet every error is a problem (or a page for a
 * browser) with the security headers.
 */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bcs.security.staff-roles=editor", "spring.flyway.locations=classpath:db/platform" })
class ServiceErrorsIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		SecuredTestApplication.engines(registry);
	}

	@Test
	void anUnknownAddressIsAProblemForClientsAndAPageForBrowsers() throws Exception {
		HttpResponse<String> api = send(request("/api/demo/v1/nothing", null));
		assertThat(api.statusCode()).isEqualTo(404);
		assertProblem(api);
		assertThat(api.body()).contains("\"instance\":\"/api/demo/v1/nothing\"").doesNotContain("timestamp");

		HttpResponse<String> page = send(request("/nothing", null).header("Accept", "text/html"));
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(page.body()).contains("class=\"error-page\"");
		assertThat(page.headers().firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
	}

	@Test
	void refusedMethodsAndContentTypesAreProblems() throws Exception {
		HttpResponse<String> method = send(
				request("/api/demo/v1/things", null).method("DELETE", HttpRequest.BodyPublishers.noBody()));
		assertThat(method.statusCode()).isIn(401, 405);
		assertProblem(method);

		HttpResponse<String> type = send(
				request("/api/demo/v1/things", Identity.tokenFor("editor")).header("Content-Type", "text/plain")
					.POST(HttpRequest.BodyPublishers.ofString("name")));
		assertThat(type.statusCode()).isEqualTo(415);
		assertProblem(type);
	}

	@Test
	void aNulInAJsonStringIsA400NamingTheField() throws Exception {
		HttpResponse<String> nul = send(
				request("/api/demo/v1/things", Identity.tokenFor("editor")).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"a\\u0000b\"}")));
		assertThat(nul.statusCode()).isEqualTo(400);
		assertProblem(nul);
		assertThat(nul.body()).contains("\"field\":\"name\"").contains("NUL");
	}

	@Test
	void aRoleIsCheckedBeforeTheBodyIsRead() throws Exception {
		HttpResponse<String> member = send(
				request("/api/demo/v1/things", Identity.tokenFor("member")).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{not json")));
		assertThat(member.statusCode()).isEqualTo(403);
		assertProblem(member);
	}

	@Test
	void aRefused401NamesNoInternalAddress() throws Exception {
		HttpResponse<String> anonymous = send(
				request("/api/demo/v1/things", null).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer")
			.doesNotContain("resource_metadata")
			.doesNotContain("localhost");
	}

	@Test
	void anAddressTomcatCannotDecodeIsAProblemWithTheHeaders() throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write("GET /api/demo/v1/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			String lower = answer.toLowerCase(java.util.Locale.ROOT);
			assertThat(answer).startsWith("HTTP/1.1 400");
			assertThat(lower).contains("content-type: application/problem+json")
				.contains("permissions-policy: ")
				.contains("content-security-policy: default-src 'self'");
			assertThat(answer).contains("\"status\":400").doesNotContain("Tomcat");
		}
	}

	private static void assertProblem(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"status\":" + response.statusCode());
		assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src");
		assertThat(response.headers().firstValue("Permissions-Policy")).isPresent();
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
