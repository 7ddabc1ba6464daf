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

/**
 * Looking for an item in the admin lists: text in any case, combined with the status
 * filter and the pages, every filter kept in the links.
 */
@ContentServiceTest
class AdminSearchIT {

	@LocalServerPort
	int port;

	@Test
	void findsPostsByTitleSummaryOrBodyInAnyCaseWithinAStatus() {
		Api editor = new Api(this.port, "editor");
		String word = "quokka" + Posts.unique();
		String inTitle = create(editor,
				Posts.post("About " + word + " in the title", "", "Body.", List.of(), List.of(), List.of()));
		String inSummary = create(editor, Posts.post("Second " + Posts.unique(), "Mentions " + word.toUpperCase(),
				"Body.", List.of(), List.of(), List.of()));
		String inBody = create(editor, Posts.post("Third " + Posts.unique(), "", "The body names " + word + ".",
				List.of(), List.of(), List.of()));
		String elsewhere = create(editor, Posts.screeningPost());
		editor.post("/api/content/v1/posts/" + inBody + "/publish");

		Document all = Jsoup.parse(editor.page("/admin/content?q=" + word.toUpperCase()).body());
		assertThat(all.select("input[name=q]").val()).isEqualTo(word.toUpperCase());
		assertThat(links(all)).containsExactlyInAnyOrder(edit(inTitle), edit(inSummary), edit(inBody));
		assertThat(links(all)).doesNotContain(edit(elsewhere));

		Document published = Jsoup.parse(editor.page("/admin/content/posts?status=published&q=" + word).body());
		assertThat(links(published)).containsExactly(edit(inBody));
		assertThat(published.select("select[name=status] option[selected]").val()).isEqualTo("published");

		// Wildcards an editor types match only themselves.
		assertThat(links(Jsoup.parse(editor.page("/admin/content?q=" + word + "%25").body()))).isEmpty();
		assertThat(links(Jsoup.parse(editor.page("/admin/content?q=quokka_").body()))).isEmpty();
	}

	@Test
	void keepsTheFilterInThePagesOfALongList() {
		Api editor = new Api(this.port, "editor");
		String word = "wombat" + Posts.unique();
		for (int i = 0; i < 21; i++) {
			assertThat(editor.post("/api/content/v1/micro", Map.of("text", "Note " + i + " on " + word)).status())
				.isEqualTo(201);
		}
		Document first = Jsoup.parse(editor.page("/admin/content/micro?status=draft&q=" + word).body());
		assertThat(first.select("table.admin-table tbody tr")).hasSize(20);
		assertThat(first.select("a[rel=prev]")).isEmpty();
		String next = first.select("a[rel=next]").attr("href");
		assertThat(next).isEqualTo("/admin/content/micro?status=draft&q=" + word + "&page=2");

		Document second = Jsoup.parse(editor.page(next).body());
		assertThat(second.select("table.admin-table tbody tr")).hasSize(1);
		assertThat(second.select("a[rel=next]")).isEmpty();
		assertThat(second.select("a[rel=prev]").attr("href"))
			.isEqualTo("/admin/content/micro?status=draft&q=" + word + "&page=1");
		assertThat(links(Jsoup.parse(editor.page("/admin/content/micro?status=published&q=" + word).body()))).isEmpty();
	}

	@Test
	void findsStandingPagesByTitleOrBody() {
		Api editor = new Api(this.port, "editor");
		String word = "numbat" + Posts.unique();
		Api.Response page = editor.post("/api/content/v1/pages",
				Map.of("title", "Our partners", "body", "We work with the " + word + " institute."));
		assertThat(page.status()).isEqualTo(201);
		String id = page.json().path("id").asString();
		Document found = Jsoup.parse(editor.page("/admin/content/pages?q=" + word.toUpperCase()).body());
		assertThat(links(found)).containsExactly("/admin/content/pages/" + id);
		assertThat(found.select("select[name=status]")).isEmpty();
	}

	@Test
	void explainsAFilterThatCannotBeUsed() {
		Api editor = new Api(this.port, "editor");
		Api.Response status = editor.page("/admin/content?status=lost&q=kept");
		assertThat(status.status()).isEqualTo(400);
		Document page = Jsoup.parse(status.body());
		assertThat(page.select(".problem").text()).startsWith("use one of draft, in_review");
		assertThat(page.select("input[name=q]").val()).isEqualTo("kept");

		Api.Response tooLong = editor.page("/admin/content/micro?q=" + "a".repeat(201));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(Jsoup.parse(tooLong.body()).select(".problem").text())
			.isEqualTo("shorten the search to 200 characters at most");
	}

	private static String create(Api editor, Map<String, Object> post) {
		Api.Response created = editor.post("/api/content/v1/posts", post);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asString();
	}

	private static String edit(String id) {
		return "/admin/content/posts/" + id;
	}

	private static List<String> links(Document list) {
		return list.select("table.admin-table tbody td:first-child a").eachAttr("href");
	}

}
