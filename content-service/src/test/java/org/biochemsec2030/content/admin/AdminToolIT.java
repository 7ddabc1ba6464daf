package org.biochemsec2030.content.admin;

import java.util.List;
import java.util.Map;

import org.biochemsec2030.content.Api;
import org.biochemsec2030.content.ContentServiceTest;
import org.biochemsec2030.content.Posts;
import org.biochemsec2030.platform.taxonomy.Regime;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editors' tool, reached straight at the service with a real token (the gateway,
 * which would also check the form's CSRF token, is not in the way here).
 */
@ContentServiceTest
class AdminToolIT {

	@LocalServerPort
	int port;

	@Test
	void refusesAnonymousVisitorsAndMembers() {
		Api api = new Api(this.port, null);
		assertThat(api.page("/admin/content").status()).isEqualTo(401);
		assertThat(api.form("/admin/content/posts", List.of(Map.entry("title", "x"))).status()).isEqualTo(401);
		Api member = api.as("member");
		assertThat(member.page("/admin/content").status()).isEqualTo(403);
		assertThat(member.page("/admin/content/posts/new").status()).isEqualTo(403);
		assertThat(member.form("/admin/content/posts", List.of(Map.entry("title", "x"))).status()).isEqualTo(403);
	}

	@Test
	void anEditorWritesAPostInTheFormPublishesItAndReadersSeeIt() {
		Api editor = new Api(this.port, "editor");
		Document blank = Jsoup.parse(editor.page("/admin/content/posts/new").body());
		assertThat(blank.select("form#post-form input[type=checkbox][name=topics]")).hasSize(7);
		assertThat(blank.select("form#post-form input[type=checkbox][name=regimes]")).hasSize(Regime.values().length);
		assertThat(blank.select("head script[src=/admin/content/assets/preview.js]")).hasSize(1);

		String title = "Benchtop synthesis " + Posts.unique();
		Api.Response created = editor.form("/admin/content/posts",
				List.of(Map.entry("_csrf", "ignored-here"), Map.entry("title", title),
						Map.entry("summary", "What changes when DNA is printed in the lab."),
						Map.entry("body", "Benchtop devices **print** DNA."), Map.entry("topics", "synthetic-biology"),
						Map.entry("topics", "ai-enabled-design"), Map.entry("regimes", "BWC"),
						Map.entry("tags", "benchtop, Screening"), Map.entry("action", "save")));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String location = created.header("Location");
		assertThat(location).startsWith("/admin/content/posts/").endsWith("?done=created");
		String edit = location.substring(0, location.indexOf('?'));

		Document form = Jsoup.parse(editor.page(location).body());
		assertThat(form.select("input[name=title]").val()).isEqualTo(title);
		assertThat(form.select("input[name=topics][checked]").eachAttr("value")).containsExactly("synthetic-biology",
				"ai-enabled-design");
		assertThat(form.select("input[name=tags]").val()).isEqualTo("benchtop, screening");
		assertThat(form.select(".post-status").text()).isEqualTo("Draft");

		Api.Response published = editor.form(edit + "/publish", List.of(Map.entry("_csrf", "x")));
		assertThat(published.status()).isEqualTo(302);
		assertThat(published.header("Location")).isEqualTo(edit + "?done=published");
		Document after = Jsoup.parse(editor.page(edit).body());
		assertThat(after.select(".post-status").text()).isEqualTo("Published");
		String publicUrl = after.select("dd a[href^=/blog/]").attr("href");

		Document post = Jsoup.parse(editor.anonymous().page(publicUrl).body());
		assertThat(post.selectFirst("main h1").text()).isEqualTo(title);
		assertThat(post.select("main .prose strong").text()).isEqualTo("print");

		Document list = Jsoup.parse(editor.page("/admin/content?status=published").body());
		assertThat(list.select("a[href=" + edit + "]").text()).isEqualTo(title);
		assertThat(Jsoup.parse(editor.page("/admin/content?status=draft").body()).select("a[href=" + edit + "]"))
			.isEmpty();
		assertThat(Jsoup.parse(editor.page("/admin/content/posts").body()).select("a[href=" + edit + "]")).hasSize(1);
	}

	@Test
	void aFormThatNeedsFixingComesBackWithMessagesAndEverythingTyped() {
		Api editor = new Api(this.port, "editor");
		String body = "A long body the editor must not lose <em>" + Posts.unique() + "</em>";
		Api.Response response = editor.form("/admin/content/posts",
				List.of(Map.entry("title", " "), Map.entry("summary", "Kept summary"), Map.entry("body", body),
						Map.entry("regimes", "CWC"), Map.entry("tags", "kept-tag"), Map.entry("materialChange", "true"),
						Map.entry("action", "save")));
		assertThat(response.status()).isEqualTo(400);
		Document form = Jsoup.parse(response.body());
		assertThat(form.select("#title-error").text()).isEqualTo("give the post a title");
		assertThat(form.select("input[name=title]").attr("aria-invalid")).isEqualTo("true");
		assertThat(form.select("textarea[name=body]").text()).isEqualTo(body);
		assertThat(form.select("textarea[name=summary]").text()).isEqualTo("Kept summary");
		assertThat(form.select("input[name=regimes][checked]").eachAttr("value")).containsExactly("CWC");
		assertThat(form.select("input[name=tags]").val()).isEqualTo("kept-tag");
		assertThat(form.select("input[name=materialChange]").hasAttr("checked")).isTrue();

		Api.Response noNote = editor.form("/admin/content/posts", List.of(Map.entry("title", "Fine title"),
				Map.entry("body", "Body."), Map.entry("materialChange", "true"), Map.entry("action", "save")));
		assertThat(noNote.status()).isEqualTo(400);
		assertThat(Jsoup.parse(noNote.body()).select("#correctionNote-error").text())
			.startsWith("write the public correction note");
	}

	@Test
	void previewsTheBodyAsReadersWillSeeItWithAndWithoutScript() {
		Api editor = new Api(this.port, "editor");
		Api.Response withoutScript = editor.form("/admin/content/posts", List.of(Map.entry("title", "Draft title"),
				Map.entry("body", "Some *emphasis* <script>alert(1)</script>"), Map.entry("action", "preview")));
		assertThat(withoutScript.status()).isEqualTo(200);
		Document page = Jsoup.parse(withoutScript.body());
		assertThat(page.select("#preview em").text()).isEqualTo("emphasis");
		assertThat(page.select("main script")).isEmpty();
		assertThat(page.select("input[name=title]").val()).isEqualTo("Draft title");

		Api.Response fragment = editor.form("/admin/content/preview", List.of(Map.entry("body", "**bold**")));
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.body()).contains("<strong>bold</strong>");
		Api.Response script = editor.page("/admin/content/assets/preview.js");
		assertThat(script.status()).isEqualTo(200);
		assertThat(script.body()).contains("/admin/content/preview");
	}

	@Test
	void showsTheDifferenceBetweenRevisionsAndRestoresAnOldOne() {
		Api editor = new Api(this.port, "editor");
		String id = editor.post("/api/content/v1/posts", Posts.screeningPost()).json().path("id").asString();
		String edit = "/admin/content/posts/" + id;
		assertThat(
				editor
					.form(edit, List.of(Map.entry("title", "Renamed " + Posts.unique()),
							Map.entry("body", "A new body."), Map.entry("action", "save")))
					.header("Location"))
			.isEqualTo(edit + "?done=saved");

		Document history = Jsoup.parse(editor.page(edit).body());
		assertThat(history.select("a[href=\"" + edit + "/revisions/diff?from=1&to=2\"]")).hasSize(1);
		Document diff = Jsoup.parse(editor.page(edit + "/revisions/diff?from=1&to=2").body());
		assertThat(diff.select("ins").text()).contains("A new body.");
		assertThat(diff.select("del").text()).contains("Gene synthesis screening");

		Api.Response restored = editor.form(edit + "/revisions/1/restore", List.of());
		assertThat(restored.header("Location")).isEqualTo(edit + "?done=restored");
		assertThat(Jsoup.parse(editor.page(edit).body()).select("input[name=title]").val())
			.startsWith("Gene synthesis screening");
	}

	@Test
	void explainsAWorkflowStepThatIsNotPossible() {
		Api editor = new Api(this.port, "editor");
		String id = editor.post("/api/content/v1/posts", Posts.screeningPost()).json().path("id").asString();
		Api.Response response = editor.form("/admin/content/posts/" + id + "/unpublish", List.of());
		assertThat(response.status()).isEqualTo(409);
		assertThat(Jsoup.parse(response.body()).select(".problem").text())
			.contains("Only a published or scheduled post can be unpublished");
		Api.Response past = editor.form("/admin/content/posts/" + id + "/schedule",
				List.of(Map.entry("at", "2001-01-01T09:00"), Map.entry("zone", "Europe/Paris")));
		assertThat(past.status()).isEqualTo(400);
		Api.Response future = editor.form("/admin/content/posts/" + id + "/schedule",
				List.of(Map.entry("at", "2099-05-04T09:00"), Map.entry("zone", "Europe/Paris")));
		assertThat(future.status()).isEqualTo(302);
		assertThat(editor.get("/api/content/v1/editorial/posts/" + id).json().path("scheduledAt").asString())
			.isEqualTo("2099-05-04T07:00:00Z");
	}

}
