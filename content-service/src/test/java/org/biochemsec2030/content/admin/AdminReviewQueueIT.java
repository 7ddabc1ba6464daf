package org.biochemsec2030.content.admin;

import java.util.List;
import java.util.Map;

import org.biochemsec2030.content.Api;
import org.biochemsec2030.content.ContentServiceTest;
import org.biochemsec2030.content.Posts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The review queue: what waits for a reviewer, longest waiting first. */
@ContentServiceTest
class AdminReviewQueueIT {

	@LocalServerPort
	int port;

	@Test
	void listsPostsStagedChangesAndMiniPostsInReviewOldestFirst() {
		Api editor = new Api(this.port, "editor");
		String post = editor.post("/api/content/v1/posts", Posts.screeningPost()).json().path("id").asString();
		String micro = editor.post("/api/content/v1/micro", Map.of("text", "Waiting mini-post " + Posts.unique()))
			.json()
			.path("id")
			.asString();
		String staged = editor.post("/api/content/v1/posts", Posts.screeningPost()).json().path("id").asString();
		String draft = editor.post("/api/content/v1/posts", Posts.screeningPost()).json().path("id").asString();
		editor.post("/api/content/v1/posts/" + staged + "/publish");
		editor.put("/api/content/v1/posts/" + staged,
				Posts.post("Staged title " + Posts.unique(), "", "New body.", List.of(), List.of(), List.of()));

		assertThat(editor.form("/admin/content/posts/" + post + "/submit", List.of()).status()).isEqualTo(302);
		assertThat(editor.form("/admin/content/micro/" + micro + "/submit", List.of()).status()).isEqualTo(302);
		assertThat(editor.form("/admin/content/posts/" + staged + "/submit", List.of()).status()).isEqualTo(302);

		Document queue = Jsoup.parse(editor.page("/admin/content/review").body());
		List<String> links = queue.select("table.admin-table tbody a").eachAttr("href");
		assertThat(links).containsSubsequence("/admin/content/posts/" + post, "/admin/content/micro/" + micro,
				"/admin/content/posts/" + staged);
		assertThat(links).doesNotContain("/admin/content/posts/" + draft);
		assertThat(queue.select("tr:has(a[href=/admin/content/posts/" + staged + "]) td").first().text())
			.isEqualTo("Changes to a published post");
		assertThat(queue.select("tr:has(a[href=/admin/content/micro/" + micro + "]) td").first().text())
			.isEqualTo("Mini-post");
		assertThat(queue.select("nav.admin-nav a[aria-current=page]").text()).isEqualTo("Review queue");

		editor.post("/api/content/v1/posts/" + post + "/publish");
		assertThat(Jsoup.parse(editor.page("/admin/content/review").body())
			.select("table.admin-table tbody a")
			.eachAttr("href")).doesNotContain("/admin/content/posts/" + post);
	}

	@Test
	void everyAdminPageLinksToTheQueueAndTheOtherLists() {
		Api editor = new Api(this.port, "editor");
		for (String path : List.of("/admin/content", "/admin/content/micro", "/admin/content/pages",
				"/admin/content/posts/new", "/admin/content/micro/new", "/admin/content/pages/new",
				"/admin/content/media")) {
			Document page = Jsoup.parse(editor.page(path).body());
			assertThat(page.select("nav.admin-nav a").eachAttr("href")).as(path)
				.containsExactly("/admin/content", "/admin/content/micro", "/admin/content/pages",
						"/admin/content/review", "/admin/content/media");
		}
		Api member = editor.as("member");
		assertThat(member.page("/admin/content/review").status()).isEqualTo(403);
		assertThat(member.page("/admin/content/micro").status()).isEqualTo(403);
		assertThat(member.form("/admin/content/pages", List.of(Map.entry("title", "x"))).status()).isEqualTo(403);
	}

}
