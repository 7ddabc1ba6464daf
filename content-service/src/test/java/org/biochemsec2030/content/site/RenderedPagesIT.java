package org.biochemsec2030.content.site;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.biochemsec2030.content.Api;
import org.biochemsec2030.content.ContentServiceTest;
import org.biochemsec2030.content.Posts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public pages are kept once rendered, and the next anonymous read after a publish, an
 * edit or an unpublish shows the change on every page that carries the post (the post
 * itself, the blog index, its tag page and the feed).
 */
@ContentServiceTest
class RenderedPagesIT {

	private static final String POSTS = "/api/content/v1/posts";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void theNextReadAfterEachChangeShowsItOnEveryPageThatCarriesThePost() throws Exception {
		Api editor = new Api(this.port, "editor");
		String tag = "kept-" + Posts.unique();
		String title = "Benchtop synthesis " + Posts.unique();
		List<String> pages = List.of("/blog", "/blog/tags/" + tag, "/feeds/posts.atom");
		for (String path : pages) {
			assertThat(read(path).body()).as(path).doesNotContain(title);
		}

		Api.Response created = editor.post(POSTS, Posts.post(title, "Why it matters.", "Body.",
				List.of("synthetic-biology"), List.of("BWC"), List.of(tag)));
		String id = created.json().path("id").asString();
		String slug = editor.post(POSTS + "/" + id + "/publish").json().path("slug").asString();
		String post = "/blog/" + slug;
		for (String path : List.of(post, "/blog", "/blog/tags/" + tag, "/feeds/posts.atom")) {
			assertThat(read(path).body()).as("after the publish: " + path).contains(title);
		}
		assertKept(post);

		String edited = title + " revised";
		Api.Response update = editor.put(POSTS + "/" + id, Posts.post(edited, "Why it matters.", "Body.",
				List.of("synthetic-biology"), List.of("BWC"), List.of(tag)));
		assertThat(update.status()).as(update.body()).isEqualTo(200);
		Api.Response republished = editor.post(POSTS + "/" + id + "/publish");
		assertThat(republished.status()).as(republished.body()).isEqualTo(200);
		for (String path : List.of(post, "/blog", "/blog/tags/" + tag, "/feeds/posts.atom")) {
			assertThat(read(path).body()).as("after the edit: " + path).contains(edited);
		}

		Api.Response unpublished = editor.post(POSTS + "/" + id + "/unpublish");
		assertThat(unpublished.status()).as(unpublished.body()).isEqualTo(200);
		assertThat(read(post).statusCode()).isEqualTo(404);
		for (String path : pages) {
			assertThat(read(path).body()).as("after the unpublish: " + path).doesNotContain(title);
		}
	}

	@Test
	void tellsTheSiteVersionThatGrowsWithEveryChange() throws Exception {
		long before = version();
		Api editor = new Api(this.port, "editor");
		Api.Response created = editor.post(POSTS, Posts.screeningPost());
		assertThat(created.status()).isEqualTo(201);
		assertThat(version()).isGreaterThan(before);
	}

	private long version() throws Exception {
		HttpResponse<String> answer = HTTP
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/content/v1/site-version"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(200);
		return Api.JSON.readTree(answer.body()).path("version").asLong();
	}

	@Test
	void aSignedInReadIsNeverServedFromTheKeptPages() throws Exception {
		read("/blog");
		assertKept("/blog");
		Api.Response signedIn = new Api(this.port, "editor").page("/blog");
		assertThat(signedIn.status()).isEqualTo(200);
		assertThat(signedIn.header("ETag")).isNull();
	}

	/**
	 * A kept page answers a repeated read with the same ETag, and that ETag with a 304.
	 */
	private void assertKept(String path) throws Exception {
		String etag = read(path).headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> second = read(path);
		assertThat(second.headers().firstValue("ETag")).hasValue(etag);
		assertThat(second.headers().firstValue("Cache-Control")).hasValue("no-cache");
		HttpResponse<String> again = HTTP.send(request(path).header("If-None-Match", etag).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
	}

	private HttpResponse<String> read(String path) throws Exception {
		return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html,application/atom+xml");
	}

}
