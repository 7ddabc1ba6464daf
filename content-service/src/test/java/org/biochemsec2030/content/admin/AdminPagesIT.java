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

/** Standing pages in the admin tool: public when saved, previewed, deleted on purpose. */
@ContentServiceTest
class AdminPagesIT {

	@LocalServerPort
	int port;

	@Test
	void anEditorPreviewsSavesEditsAndDeletesAStandingPage() {
		Api editor = new Api(this.port, "editor");
		Document blank = Jsoup.parse(editor.page("/admin/content/pages/new").body());
		assertThat(blank.select("form#page-form textarea[data-preview=preview]")).hasSize(1);
		assertThat(blank.select("head script[src=/admin/content/assets/preview.js]")).hasSize(1);

		String slug = "meeting-report-" + Posts.unique();
		Api.Response preview = editor.form("/admin/content/pages", List.of(Map.entry("title", "Meeting report"),
				Map.entry("slug", slug), Map.entry("body", "We *met* in Bath."), Map.entry("action", "preview")));
		assertThat(preview.status()).isEqualTo(200);
		Document previewed = Jsoup.parse(preview.body());
		assertThat(previewed.select("#preview em").text()).isEqualTo("met");
		assertThat(previewed.select("input[name=slug]").val()).isEqualTo(slug);
		assertThat(editor.anonymous().page("/pages/" + slug).status()).isEqualTo(404);

		Api.Response created = editor.form("/admin/content/pages",
				List.of(Map.entry("_csrf", "ignored-here"), Map.entry("title", "Meeting report"),
						Map.entry("slug", slug), Map.entry("body", "We *met* in Bath."), Map.entry("navOrder", "7"),
						Map.entry("action", "save")));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		assertThat(created.header("Location")).endsWith("?done=page-created");
		String edit = created.header("Location").replaceAll("\\?.*$", "");
		Document public1 = Jsoup.parse(editor.anonymous().page("/pages/" + slug).body());
		assertThat(public1.select("main h1").text()).isEqualTo("Meeting report");

		Document list = Jsoup.parse(editor.page("/admin/content/pages").body());
		assertThat(list.select("a[href=" + edit + "]").text()).isEqualTo("Meeting report");
		assertThat(list.select("tr:has(a[href=" + edit + "]) td").get(1).text()).isEqualTo("Position 7");

		Api.Response saved = editor.form(edit, List.of(Map.entry("title", "Meeting report, Bath"),
				Map.entry("slug", slug), Map.entry("body", "We met in Bath and Bristol."), Map.entry("navOrder", "")));
		assertThat(saved.header("Location")).isEqualTo(edit + "?done=page-saved");
		assertThat(Jsoup.parse(editor.anonymous().page("/pages/" + slug).body()).select("main").text())
			.contains("Bristol");

		Api.Response unconfirmed = editor.form(edit + "/delete", List.of());
		assertThat(unconfirmed.status()).isEqualTo(400);
		assertThat(Jsoup.parse(unconfirmed.body()).select(".problem").text()).contains("nothing was deleted");
		assertThat(editor.anonymous().page("/pages/" + slug).status()).isEqualTo(200);

		Api.Response deleted = editor.form(edit + "/delete", List.of(Map.entry("confirm", "yes")));
		assertThat(deleted.header("Location")).isEqualTo("/admin/content/pages?done=deleted");
		assertThat(Jsoup.parse(editor.page(deleted.header("Location")).body()).select(".notice").text())
			.isEqualTo("The page is deleted.");
		assertThat(editor.anonymous().page("/pages/" + slug).status()).isEqualTo(404);
		assertThat(editor.page(edit).status()).isEqualTo(404);
	}

	@Test
	void aPageThatNeedsFixingComesBackWithMessagesAndEverythingTyped() {
		Api editor = new Api(this.port, "editor");
		String body = "A long page the editor must not lose " + Posts.unique();
		Api.Response response = editor.form("/admin/content/pages", List.of(Map.entry("title", "Contact"),
				Map.entry("slug", "Not A Slug"), Map.entry("body", body), Map.entry("navOrder", "second")));
		assertThat(response.status()).isEqualTo(400);
		Document form = Jsoup.parse(response.body());
		assertThat(form.select("#slug-error").text()).startsWith("use lower-case letters, digits and single hyphens");
		assertThat(form.select("#navOrder-error").text()).startsWith("give the position in the navigation");
		assertThat(form.select("textarea[name=body]").text()).isEqualTo(body);
		assertThat(form.select("input[name=navOrder]").val()).isEqualTo("second");

		String slug = "taken-" + Posts.unique();
		assertThat(editor
			.form("/admin/content/pages",
					List.of(Map.entry("title", "First"), Map.entry("slug", slug), Map.entry("body", "One.")))
			.status()).isEqualTo(302);
		Api.Response taken = editor.form("/admin/content/pages",
				List.of(Map.entry("title", "Second"), Map.entry("slug", slug), Map.entry("body", "Two.")));
		assertThat(taken.status()).isEqualTo(400);
		assertThat(Jsoup.parse(taken.body()).select("#slug-error").text()).contains("choose another slug");
	}

}
