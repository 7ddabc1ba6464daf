package org.biochemsec2030.content.site;

import java.util.List;
import java.util.Map;

import org.biochemsec2030.content.Api;
import org.biochemsec2030.content.ContentServiceTest;
import org.biochemsec2030.content.Posts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The blog, the mini-blog and standing pages as a reader (and a crawler) sees them. */
@ContentServiceTest
class PublicPagesIT {

	private static final String POSTS = "/api/content/v1/posts";

	@LocalServerPort
	int port;

	@Test
	void showsAPublishedPostWithItsMetadataForSearchEnginesAndLinkPreviews() {
		Api editor = new Api(this.port, "editor");
		String title = "Screening </script><b>orders</b> & \"quotes\" " + Posts.unique();
		Map<String, Object> input = Posts.post(title, "Why providers screen.", "Providers **screen** orders.",
				List.of("synthetic-biology"), List.of("BWC"), List.of("screening"));
		String slug = publish(editor, input);

		Api.Response response = editor.anonymous().page("/blog/" + slug);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("main h1").text()).isEqualTo(title);
		assertThat(page.select("main .prose strong").text()).isEqualTo("screen");
		assertThat(page.select("main b")).isEmpty();
		assertThat(page.selectFirst("link[rel=canonical]").attr("href"))
			.isEqualTo("https://biochemsec2030.example/blog/" + slug);
		assertThat(page.selectFirst("meta[property=og:title]").attr("content")).isEqualTo(title);
		assertThat(page.selectFirst("meta[property=og:url]").attr("content"))
			.isEqualTo("https://biochemsec2030.example/blog/" + slug);
		assertThat(page.select("head link[rel=alternate]").eachAttr("href")).contains("/feeds/posts.rss",
				"/feeds/posts.atom", "/feeds/posts.json");
		assertThat(page.select("main a[href=/blog/topics/synthetic-biology]").text()).isEqualTo("Synthetic biology");
		assertThat(page.select("main a[href=/blog/regimes/BWC]")).hasSize(1);
		assertThat(page.select("main a[href=/blog/tags/screening]")).hasSize(1);

		List<Element> scripts = page.select("script[type=application/ld+json]");
		assertThat(scripts).hasSize(1);
		String raw = scripts.get(0).data();
		assertThat(raw).doesNotContain("</");
		JsonNode ld = Api.JSON.readTree(raw);
		assertThat(ld.path("@type").asString()).isEqualTo("BlogPosting");
		assertThat(ld.path("headline").asString()).isEqualTo(title);
		assertThat(ld.path("url").asString()).isEqualTo("https://biochemsec2030.example/blog/" + slug);
		assertThat(ld.path("author").get(0).path("name").asString()).isEqualTo("editor");
		assertThat(ld.path("datePublished").asString()).isNotBlank();
	}

	@Test
	void listsPublishedPostsOnTheIndexAndTheirTopicRegimeAndTagPagesButNeverADraft() {
		Api editor = new Api(this.port, "editor");
		String tag = "tag-" + Posts.unique();
		Map<String, Object> published = Posts.post("Published " + Posts.unique(), "Out.", "Body.",
				List.of("genome-editing"), List.of("CWC"), List.of(tag));
		Map<String, Object> draft = Posts.post("Draft " + Posts.unique(), "Not yet.", "Body.",
				List.of("genome-editing"), List.of("CWC"), List.of(tag));
		String slug = publish(editor, published);
		String draftSlug = editor.post(POSTS, draft).json().path("slug").asString();

		Api reader = editor.anonymous();
		for (String path : List.of("/blog", "/blog/topics/genome-editing", "/blog/regimes/CWC", "/blog/tags/" + tag)) {
			Api.Response response = reader.page(path);
			assertThat(response.status()).as(path).isEqualTo(200);
			Document page = Jsoup.parse(response.body());
			assertThat(page.select("main a[href=/blog/" + slug + "]")).as(path).hasSize(1);
			assertThat(response.body()).as(path).doesNotContain(draftSlug).doesNotContain((String) draft.get("title"));
			assertThat(page.select("head link[rel=alternate][type=application/rss+xml]")).as(path).hasSize(1);
		}
		assertThat(Jsoup.parse(reader.page("/blog/topics/genome-editing").body())
			.selectFirst("head link[rel=alternate][type=application/atom+xml]")
			.attr("href")).isEqualTo("/feeds/posts.atom?topic=genome-editing");
		assertThat(reader.page("/blog/" + draftSlug).status()).isEqualTo(404);
	}

	@Test
	void answersUnknownPostsTopicsPagesAndMiniPostsWithTheSharedNotFoundPage() {
		Api reader = new Api(this.port, null);
		for (String path : List.of("/blog/no-such-post-" + Posts.unique(), "/blog/topics/astrology",
				"/blog/regimes/NPT", "/blog?page=9999", "/pages/no-such-page", "/micro/not-an-id",
				"/micro/0b9e7c4e-5f0a-4d0e-9a51-3f3c2a1d7e01")) {
			Api.Response response = reader.page(path);
			assertThat(response.status()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).contains("We can’t find that page");
		}
	}

	@Test
	void showsTheMiniBlogStreamAThreadAndAStandingPage() {
		Api editor = new Api(this.port, "editor");
		String text = "Verification notes " + Posts.unique() + " <i>not markup</i>";
		String id = editor.post("/api/content/v1/micro", Map.of("text", text)).json().path("id").asString();
		editor.post("/api/content/v1/micro/" + id + "/publish");
		String reply = editor.post("/api/content/v1/micro", Map.of("text", "A reply " + Posts.unique(), "replyTo", id))
			.json()
			.path("id")
			.asString();
		editor.post("/api/content/v1/micro/" + reply + "/publish");

		Document stream = Jsoup.parse(editor.anonymous().page("/micro").body());
		assertThat(stream.select("main a[href=/micro/" + id + "]")).hasSize(1);
		assertThat(stream.select("main i")).isEmpty();

		Api.Response thread = editor.anonymous().page("/micro/" + id);
		assertThat(thread.status()).isEqualTo(200);
		Document threadPage = Jsoup.parse(thread.body());
		assertThat(threadPage.select("main").text()).contains("Verification notes").contains("<i>not markup</i>");
		assertThat(threadPage.select("main a[href=/micro/" + reply + "]")).hasSize(1);

		String slug = "report-" + Posts.unique();
		assertThat(
				editor
					.post("/api/content/v1/pages",
							Map.of("slug", slug, "title", "Meeting report", "body",
									"We *met*.<script>alert(1)</script>"))
					.status())
			.isEqualTo(201);
		Api.Response page = editor.anonymous().page("/pages/" + slug);
		assertThat(page.status()).isEqualTo(200);
		Document standing = Jsoup.parse(page.body());
		assertThat(standing.selectFirst("main h1").text()).isEqualTo("Meeting report");
		assertThat(standing.select("main .prose em").text()).isEqualTo("met");
		assertThat(standing.select("main script")).isEmpty();
	}

	private static String publish(Api editor, Map<String, Object> input) {
		Api.Response created = editor.post(POSTS, input);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		Api.Response published = editor.post(POSTS + "/" + id + "/publish");
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		return published.json().path("slug").asString();
	}

}
