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
 * Mini-posts in the admin tool: the list, the form with its limit, replies and the
 * workflow.
 */
@ContentServiceTest
class AdminMicroPostsIT {

	@LocalServerPort
	int port;

	@Test
	void anEditorWritesAMiniPostTakesItThroughReviewAndAnswersIt() {
		Api editor = new Api(this.port, "editor");
		Document blank = Jsoup.parse(editor.page("/admin/content/micro/new").body());
		assertThat(blank.select("textarea[name=text]").attr("maxlength")).isEqualTo("500");
		assertThat(blank.select("#text-count").text()).isEqualTo("0 of 500 characters");
		assertThat(blank.select("input[name=topics]")).hasSize(7);

		String text = "Screening of synthetic DNA orders #screening " + Posts.unique();
		Api.Response created = editor.form("/admin/content/micro", List.of(Map.entry("_csrf", "ignored-here"),
				Map.entry("text", text), Map.entry("topics", "synthetic-biology")));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		assertThat(created.header("Location")).startsWith("/admin/content/micro/").endsWith("?done=created");
		String edit = created.header("Location").replaceAll("\\?.*$", "");
		Document form = Jsoup.parse(editor.page(created.header("Location")).body());
		assertThat(form.select(".notice").text()).isEqualTo("The draft is saved.");
		assertThat(form.select("textarea[name=text]").text()).isEqualTo(text);
		assertThat(form.select("#text-count").text()).isEqualTo(text.length() + " of 500 characters");
		assertThat(form.select(".micro-status").text()).isEqualTo("Draft");
		assertThat(form.select(".micro-text a[href^=/micro?tag=]").text()).isEqualTo("#screening");

		assertThat(editor.form(edit + "/submit", List.of()).header("Location")).isEqualTo(edit + "?done=submitted");
		assertThat(Jsoup.parse(editor.page(edit).body()).select(".micro-status").text()).isEqualTo("In review");
		assertThat(editor.form(edit + "/publish", List.of()).header("Location")).isEqualTo(edit + "?done=published");
		Document published = Jsoup.parse(editor.page(edit).body());
		assertThat(published.select(".micro-status").text()).isEqualTo("Published");
		String publicUrl = published.select("dd a[href^=/micro/]").attr("href");
		assertThat(Jsoup.parse(editor.anonymous().page(publicUrl).body()).select("main").text()).contains(text);

		// An editor copies the address from the site to answer it.
		Api.Response reply = editor.form("/admin/content/micro",
				List.of(Map.entry("text", "And a reply " + Posts.unique()), Map.entry("replyTo", publicUrl)));
		assertThat(reply.status()).isEqualTo(302);
		Document replyForm = Jsoup.parse(editor.page(reply.header("Location")).body());
		assertThat(replyForm.select("input[name=replyTo]").val()).isEqualTo(publicUrl.replace("/micro/", ""));
		assertThat(replyForm.select("dd a[href=/admin/content" + publicUrl + "]")).hasSize(1);

		assertThat(
				Jsoup.parse(editor.page("/admin/content/micro?status=published").body()).select("a[href=" + edit + "]"))
			.hasSize(1);
		assertThat(Jsoup.parse(editor.page("/admin/content/micro?status=draft").body()).select("a[href=" + edit + "]"))
			.isEmpty();
	}

	@Test
	void aTextOverTheLimitOrAnUnknownReplyComesBackWithMessagesAndTheText() {
		Api editor = new Api(this.port, "editor");
		String longText = "x".repeat(501);
		Api.Response tooLong = editor.form("/admin/content/micro",
				List.of(Map.entry("text", longText), Map.entry("topics", "genome-editing")));
		assertThat(tooLong.status()).isEqualTo(400);
		Document form = Jsoup.parse(tooLong.body());
		assertThat(form.select("#text-error").text()).isEqualTo("shorten the text to 500 characters at most");
		assertThat(form.select("textarea[name=text]").text()).isEqualTo(longText);
		assertThat(form.select("#text-count").text()).isEqualTo("501 of 500 characters");
		assertThat(form.select("input[name=topics][checked]").eachAttr("value")).containsExactly("genome-editing");

		Api.Response notAnId = editor.form("/admin/content/micro",
				List.of(Map.entry("text", "Fine text"), Map.entry("replyTo", "yesterday's post")));
		assertThat(notAnId.status()).isEqualTo(400);
		Document again = Jsoup.parse(notAnId.body());
		assertThat(again.select("#replyTo-error").text()).startsWith("give the id or the address");
		assertThat(again.select("input[name=replyTo]").val()).isEqualTo("yesterday's post");

		Api.Response unknown = editor.form("/admin/content/micro",
				List.of(Map.entry("text", "Fine text"), Map.entry("replyTo", "0b9e7c4e-5f0a-4d0e-9a51-3f3c2a1d7e01")));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(Jsoup.parse(unknown.body()).select("#replyTo-error").text()).startsWith("no mini-post has this id");
	}

	@Test
	void schedulesInTheChosenZoneAndExplainsAStepThatIsNotPossible() {
		Api editor = new Api(this.port, "editor");
		String edit = editor.form("/admin/content/micro", List.of(Map.entry("text", "Soon " + Posts.unique())))
			.header("Location")
			.replaceAll("\\?.*$", "");
		Api.Response unpublish = editor.form(edit + "/unpublish", List.of());
		assertThat(unpublish.status()).isEqualTo(409);
		assertThat(Jsoup.parse(unpublish.body()).select(".problem").text())
			.contains("Only a published or scheduled mini-post can be unpublished");

		Api.Response noTime = editor.form(edit + "/schedule", List.of(Map.entry("zone", "Asia/Tokyo")));
		assertThat(noTime.status()).isEqualTo(400);
		assertThat(Jsoup.parse(noTime.body()).select(".problem").text())
			.isEqualTo("choose the date and time to publish at");

		Api.Response scheduled = editor.form(edit + "/schedule",
				List.of(Map.entry("at", "2099-05-04T09:00"), Map.entry("zone", "Asia/Tokyo")));
		assertThat(scheduled.header("Location")).isEqualTo(edit + "?done=scheduled");
		String id = edit.substring(edit.lastIndexOf('/') + 1);
		assertThat(editor.get("/api/content/v1/editorial/micro/" + id).json().path("scheduledAt").asString())
			.isEqualTo("2099-05-04T00:00:00Z");
		assertThat(Jsoup.parse(editor.page(edit).body()).select(".micro-status").text()).isEqualTo("Scheduled");
	}

}
