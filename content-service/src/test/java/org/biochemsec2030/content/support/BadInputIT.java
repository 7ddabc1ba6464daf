package org.biochemsec2030.content.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.biochemsec2030.content.Api;
import org.biochemsec2030.content.ContentServiceTest;
import org.biochemsec2030.content.Images;
import org.biochemsec2030.content.Posts;
import org.biochemsec2030.platform.test.Identity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input as a careless client or a careful attacker sends it: every answer a 4xx in
 * the suite's one shape (a problem for API clients, the site's error page for browsers,
 * the security headers on both), never a 500 and never a value sent back in full.
 */
@ContentServiceTest
class BadInputIT {

	private static final String POSTS = "/api/content/v1/posts";

	private static final String MICRO = "/api/content/v1/micro";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	Api editor() {
		return new Api(this.port, "editor");
	}

	@Test
	void aPageNumberBeyondAnyListIs400NotANegativeOffset() {
		Api reader = editor().anonymous();
		for (String path : List.of(POSTS, MICRO)) {
			Api.Response response = reader.get(path + "?page=2147483647");
			assertThat(response.status()).as(path).isEqualTo(400);
			assertProblem(response);
			assertThat(field(response, 0)).isEqualTo("page");
		}
		for (String path : List.of("/blog", "/blog/tags/screening", "/blog/topics/genome-editing", "/micro")) {
			Api.Response page = reader.page(path + "?page=2147483647");
			assertThat(page.status()).as(path).isEqualTo(400);
			assertErrorPage(page);
		}
		Api editor = editor();
		assertThat(editor.get("/api/content/v1/editorial/posts?page=2147483647").status()).isEqualTo(400);
		assertThat(editor.get("/api/content/v1/editorial/micro?page=2147483647").status()).isEqualTo(400);
		for (String path : List.of("/admin/content/posts", "/admin/content/micro", "/admin/content/pages")) {
			Api.Response list = editor.page(path + "?page=2147483647");
			assertThat(list.status()).as(path).isEqualTo(400);
			assertThat(Jsoup.parse(list.body()).select(".problem").text()).contains("page number");
		}
	}

	@Test
	void aNulCharacterInAnyTextIsRefusedWithTheFieldNamed() {
		Api editor = editor();
		Map<String, Object> title = Posts.screeningPost();
		title.put("title", "Screening\u0000 orders");
		assertNul(editor.post(POSTS, title), "title");

		Map<String, Object> tag = Posts.screeningPost();
		tag.put("tags", List.of("fine", "scree\u0000ning"));
		assertNul(editor.post(POSTS, tag), "tags[1]");

		assertNul(editor.post(MICRO, Map.of("text", "A mini-post\u0000")), "text");
		assertNul(editor.get("/api/content/v1/editorial/posts?q=scre%00ening"), "q");
		assertNul(editor.anonymous().get(POSTS + "?tag=a%00b"), "tag");

		Api.Response form = editor.form("/admin/content/posts", List.of(Map.entry("title", "Screening\u0000"),
				Map.entry("summary", "s"), Map.entry("body", "Body."), Map.entry("_csrf", "x")));
		assertThat(form.status()).isEqualTo(400);
		assertErrorPage(form);
		assertThat(Jsoup.parse(form.body()).select(".error-page__detail").text()).contains("title").contains("NUL");
	}

	@Test
	void aScheduleBeyondTheDatabasesRangeIs400WithAFieldMessage() {
		Api editor = editor();
		String id = editor.post(POSTS, Posts.screeningPost()).json().path("id").asString();
		Api.Response far = editor.post(POSTS + "/" + id + "/schedule", Map.of("at", "+999999999-12-31T23:59:59Z"));
		assertThat(far.status()).as(far.body()).isEqualTo(400);
		assertProblem(far);
		assertThat(field(far, 0)).isEqualTo("at");
		assertThat(far.json().path("errors").get(0).path("message").asString()).contains("years ahead");

		String micro = editor.post(MICRO, Map.of("text", "Soon " + Posts.unique())).json().path("id").asString();
		Api.Response microFar = editor.post(MICRO + "/" + micro + "/publish", Map.of("at", "9999-01-01T00:00:00Z"));
		assertThat(microFar.status()).isEqualTo(400);
		assertThat(field(microFar, 0)).isEqualTo("at");
	}

	@Test
	void aMultipartBodyWithoutBoundaryOrCutShortIs400() throws Exception {
		HttpResponse<String> noBoundary = send(HttpRequest.newBuilder(uri("/admin/content/media"))
			.header("Authorization", "Bearer " + Identity.tokenFor("editor"))
			.header("Content-Type", "multipart/form-data")
			.POST(HttpRequest.BodyPublishers.ofString("just some bytes")));
		assertThat(noBoundary.statusCode()).as(noBoundary.body()).isEqualTo(400);
		assertThat(noBoundary.headers().firstValue("Content-Type").orElseThrow())
			.startsWith("application/problem+json");

		String boundary = "----bcs" + System.nanoTime();
		byte[] png = Images.png(200, 100);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(png, 0, png.length / 2);
		HttpResponse<String> truncated = send(HttpRequest.newBuilder(uri("/admin/content/media"))
			.header("Authorization", "Bearer " + Identity.tokenFor("editor"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
		assertThat(truncated.statusCode()).isEqualTo(400);
		assertThat(truncated.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(Jsoup.parse(truncated.body()).select(".error-page")).hasSize(1);
	}

	@Test
	void theUploadNoticeShowsOnlyAnAddressOfOurOwnUploads() {
		Api editor = editor();
		for (String uploaded : List.of("javascript:alert(document.domain)", "https://elsewhere.example/cat.png",
				"/blog/media/0b9e7c4e-5f0a-4d0e-9a51-3f3c2a1d7e01", "/blog/media/../../admin")) {
			Api.Response page = editor
				.page("/admin/content/media?uploaded=" + java.net.URLEncoder.encode(uploaded, StandardCharsets.UTF_8));
			assertThat(page.status()).isEqualTo(200);
			Document html = Jsoup.parse(page.body());
			assertThat(html.select(".uploaded-url")).as(uploaded).isEmpty();
			assertThat(html.select("main img")).as(uploaded).isEmpty();
			assertThat(page.body()).doesNotContain("javascript:").doesNotContain("elsewhere.example");
		}
	}

	@Test
	void invalidValuesAreRepeatedOnlyInPart() {
		Api editor = editor();
		String huge = "x".repeat(1_000_000);
		Map<String, Object> longTag = Posts.screeningPost();
		longTag.put("tags", List.of("!" + huge));
		Api.Response tag = editor.post(POSTS, longTag);
		assertThat(tag.status()).isEqualTo(400);
		assertThat(tag.body().length()).isLessThan(2_000);
		assertThat(tag.json().path("errors").get(0).path("message").asString()).contains("x".repeat(50) + "…");

		Api.Response reply = editor.post(MICRO, Map.of("text", "A reply", "replyTo", huge));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body().length()).isLessThan(2_000);
		assertThat(field(reply, 0)).isEqualTo("replyTo");

		Api.Response status = editor.get("/api/content/v1/editorial/posts?size=" + "9".repeat(5_000));
		assertThat(status.status()).isEqualTo(400);
		assertThat(status.body().length()).isLessThan(2_000);
	}

	@Test
	void aMemberIsRefusedBeforeTheBodyIsLookedAt() {
		Api member = editor().as("member");
		assertThat(member.post(MICRO, Map.of("text", "")).status()).isEqualTo(403);
		assertThat(member.post(MICRO, "{not json").status()).isEqualTo(403);
		assertThat(member.post(POSTS, Map.of()).status()).isEqualTo(403);
		assertThat(editor().post(MICRO, Map.of("text", "")).status()).isEqualTo(400);
	}

	@Test
	void aFormOverTheCapIs413WithAMessage() {
		String body = "a".repeat(600 * 1024);
		Api.Response form = editor().form("/admin/content/posts",
				List.of(Map.entry("title", "Large"), Map.entry("body", body), Map.entry("_csrf", "x")));
		assertThat(form.status()).isEqualTo(413);
		assertErrorPage(form);
		assertThat(Jsoup.parse(form.body()).select("h1").text()).contains("too large");
	}

	@Test
	void unknownAddressesRefusedMethodsAndTypesAnswerInTheSuitesShape() throws Exception {
		Api editor = editor();
		Api.Response unknown = editor.anonymous().get("/api/content/v1/no-such-thing");
		assertThat(unknown.status()).isEqualTo(404);
		assertProblem(unknown);
		assertThat(unknown.json().has("timestamp")).isFalse();
		assertThat(unknown.json().path("instance").asString()).isEqualTo("/api/content/v1/no-such-thing");

		Api.Response page = editor.anonymous().page("/no-such-page");
		assertThat(page.status()).isEqualTo(404);
		assertErrorPage(page);

		HttpResponse<String> patch = send(HttpRequest.newBuilder(uri(POSTS))
			.header("Authorization", "Bearer " + Identity.tokenFor("editor"))
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
			.header("Content-Type", "application/json"));
		assertThat(patch.statusCode()).isEqualTo(405);
		assertThat(patch.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(patch.headers().firstValue("Allow")).isPresent();

		HttpResponse<String> text = send(HttpRequest.newBuilder(uri(POSTS))
			.header("Authorization", "Bearer " + Identity.tokenFor("editor"))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("hello")));
		assertThat(text.statusCode()).isEqualTo(415);
		assertThat(text.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

		Api.Response error = editor.anonymous().get("/error");
		assertThat(error.status()).isEqualTo(404);
		assertProblem(error);
		assertThat(error.json().has("timestamp")).isFalse();

		Api.Response firewall = editor.anonymous().get("/api/content/v1/posts/a%2F..%2Fb");
		assertThat(firewall.status()).isEqualTo(400);
		assertProblem(firewall);
	}

	@Test
	void addressesTomcatCannotDecodeGetTheSuitesShapeToo() throws IOException {
		Raw api = raw("GET /api/content/v1/%zz HTTP/1.1", "Accept: application/json");
		assertThat(api.status()).isEqualTo(400);
		assertThat(api.header("content-type")).startsWith("application/problem+json");
		assertThat(api.header("content-security-policy")).contains("default-src 'self'");
		assertThat(api.header("permissions-policy")).contains("camera=()");
		assertThat(api.body()).contains("\"status\":400").doesNotContain("Tomcat");

		Raw browser = raw("GET /blog/%zz HTTP/1.1", "Accept: text/html,application/xhtml+xml,*/*;q=0.8");
		assertThat(browser.status()).isEqualTo(400);
		assertThat(browser.header("content-type")).startsWith("text/html");
		assertThat(browser.header("x-frame-options")).isEqualTo("DENY");
		assertThat(browser.body()).contains("class=\"error-page\"").doesNotContain("Tomcat");
	}

	@Test
	void answersNameNoInternalHostAndCarryTheSecurityHeaders() {
		Api.Response unauthorized = editor().anonymous().post(POSTS, Posts.screeningPost());
		assertThat(unauthorized.status()).isEqualTo(401);
		assertThat(unauthorized.header("WWW-Authenticate")).startsWith("Bearer").doesNotContain("resource_metadata");
		assertThat(unauthorized.header("Permissions-Policy")).contains("geolocation=()");
		assertThat(unauthorized.header("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");

		JsonNode openapi = editor().anonymous().get("/api/content/v1/openapi").json();
		assertThat(openapi.path("servers").valueStream().map(server -> server.path("url").asString()))
			.containsExactly("https://biochemsec2030.example");

		Api.Response page = editor().anonymous().page("/blog");
		assertThat(page.header("Permissions-Policy")).contains("camera=()");
		assertThat(page.header("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
	}

	private static void assertNul(Api.Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertProblem(response);
		assertThat(field(response, 0)).isEqualTo(field);
		assertThat(response.json().path("errors").get(0).path("message").asString()).contains("NUL");
	}

	private static void assertProblem(Api.Response response) {
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().path("status").asInt()).isEqualTo(response.status());
		assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'");
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	private static void assertErrorPage(Api.Response response) {
		assertThat(response.header("Content-Type")).startsWith("text/html");
		assertThat(Jsoup.parse(response.body()).select("main .error-page")).hasSize(1);
		assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'");
	}

	private static String field(Api.Response response, int index) {
		return response.json().path("errors").get(index).path("field").asString();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A request line no HTTP client library would send. */
	private Raw raw(String requestLine, String... headers) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n");
			for (String header : headers) {
				request.append(header).append("\r\n");
			}
			request.append("Connection: close\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int split = answer.indexOf("\r\n\r\n");
			String head = answer.substring(0, split);
			List<String> lines = new ArrayList<>(List.of(head.split("\r\n")));
			int status = Integer.parseInt(lines.remove(0).split(" ")[1]);
			return new Raw(status, lines, answer.substring(split + 4));
		}
	}

	private record Raw(int status, List<String> headers, String body) {

		String header(String name) {
			return this.headers.stream()
				.filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith(name + ":"))
				.map(line -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("");
		}

	}

}
