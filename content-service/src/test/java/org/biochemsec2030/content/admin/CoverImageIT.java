package org.biochemsec2030.content.admin;

import java.util.List;
import java.util.Map;

import org.biochemsec2030.content.Api;
import org.biochemsec2030.content.ContentServiceTest;
import org.biochemsec2030.content.Images;
import org.biochemsec2030.content.Posts;
import org.biochemsec2030.content.media.MediaService;
import org.biochemsec2030.platform.security.Actor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A post's cover: chosen from the uploaded images in the post form, described by its alt
 * text, shown on the post's page and in its Open Graph card.
 */
@ContentServiceTest
class CoverImageIT {

	@LocalServerPort
	int port;

	@Autowired
	MediaService media;

	@Test
	void anEditorChoosesAnUploadedImageAsCoverAndReadersAndCardsShowIt() {
		String image = upload();
		Api editor = new Api(this.port, "editor");
		Document blank = Jsoup.parse(editor.page("/admin/content/posts/new").body());
		assertThat(blank.select("input[type=radio][name=coverImage]").eachAttr("value")).contains(image);
		assertThat(blank.select("input[name=coverImage][checked]").val()).isEmpty();

		String title = "Cover story " + Posts.unique();
		Api.Response created = editor.form("/admin/content/posts",
				List.of(Map.entry("title", title), Map.entry("body", "With a picture."), Map.entry("coverImage", image),
						Map.entry("coverAlt", "A sequencer on a laboratory bench"), Map.entry("action", "save")));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String edit = created.header("Location").replaceAll("\\?.*$", "");
		Document form = Jsoup.parse(editor.page(edit).body());
		assertThat(form.select("input[name=coverImage][checked]").val()).isEqualTo(image);
		assertThat(form.select("input[name=coverAlt]").val()).isEqualTo("A sequencer on a laboratory bench");

		assertThat(editor.form(edit + "/publish", List.of()).status()).isEqualTo(302);
		String publicUrl = Jsoup.parse(editor.page(edit).body()).select("dd a[href^=/blog/]").attr("href");
		Document post = Jsoup.parse(editor.anonymous().page(publicUrl).body());
		assertThat(post.select("meta[property=og:image]").attr("content"))
			.isEqualTo("https://biochemsec2030.example" + image);
		assertThat(post.select("meta[property=og:image:alt]").attr("content"))
			.isEqualTo("A sequencer on a laboratory bench");
		assertThat(post.select("main figure img").attr("alt")).isEqualTo("A sequencer on a laboratory bench");
		assertThat(post.select("main figure img").attr("src")).endsWith(image);
	}

	@Test
	void aCoverNeedsItsAltTextAndTheFormKeepsEverythingTyped() {
		String image = upload();
		Api editor = new Api(this.port, "editor");
		Api.Response response = editor.form("/admin/content/posts",
				List.of(Map.entry("title", "Kept title"), Map.entry("body", "Kept body."),
						Map.entry("coverImage", image), Map.entry("coverAlt", " "), Map.entry("action", "save")));
		assertThat(response.status()).isEqualTo(400);
		Document form = Jsoup.parse(response.body());
		assertThat(form.select("#coverAlt-error").text()).isEqualTo("describe the image for readers who cannot see it");
		assertThat(form.select("input[name=coverAlt]").attr("aria-invalid")).isEqualTo("true");
		assertThat(form.select("input[name=coverImage][checked]").val()).isEqualTo(image);
		assertThat(form.select("input[name=title]").val()).isEqualTo("Kept title");

		Api.Response altAlone = editor.form("/admin/content/posts",
				List.of(Map.entry("title", "Kept title"), Map.entry("body", "Kept body."), Map.entry("coverImage", ""),
						Map.entry("coverAlt", "A bench"), Map.entry("action", "save")));
		assertThat(altAlone.status()).isEqualTo(400);
		Document again = Jsoup.parse(altAlone.body());
		assertThat(again.select("#coverAlt-error").text()).startsWith("choose the cover image this text describes");
		assertThat(again.select("input[name=coverAlt]").val()).isEqualTo("A bench");
	}

	@Test
	void refusesACoverThatIsNotAnUploadedImage() {
		Api editor = new Api(this.port, "editor");
		for (String address : List.of("https://elsewhere.example/cover.png",
				"/blog/media/0b9e7c4e-5f0a-4d0e-9a51-3f3c2a1d7e01", "/blog/media/not-an-id", "/pages/about")) {
			Api.Response form = editor.form("/admin/content/posts",
					List.of(Map.entry("title", "Title"), Map.entry("body", "Body."), Map.entry("coverImage", address),
							Map.entry("coverAlt", "Something"), Map.entry("action", "save")));
			assertThat(form.status()).as(address).isEqualTo(400);
			assertThat(Jsoup.parse(form.body()).select("#coverImage-error").text()).as(address)
				.startsWith("choose an uploaded image");

			Map<String, Object> post = Posts.screeningPost();
			post.put("coverImage", Map.of("url", address, "alt", "Something"));
			Api.Response api = editor.post("/api/content/v1/posts", post);
			assertThat(api.status()).as(address).isEqualTo(400);
			assertThat(api.json().path("errors").get(0).path("field").asString()).isEqualTo("coverImage.url");
		}

		Map<String, Object> withoutAlt = Posts.screeningPost();
		withoutAlt.put("coverImage", Map.of("url", upload()));
		Api.Response api = editor.post("/api/content/v1/posts", withoutAlt);
		assertThat(api.status()).isEqualTo(400);
		assertThat(api.json().path("errors").get(0).path("field").asString()).isEqualTo("coverImage.alt");
	}

	private String upload() {
		return this.media.store(Actor.system("test"), Images.png(640, 360)).url();
	}

}
