package org.biochemsec2030.content.page;

import java.util.Map;

import org.biochemsec2030.content.Api;
import org.biochemsec2030.content.ContentServiceTest;
import org.biochemsec2030.content.Posts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ContentServiceTest
class PagesIT {

	private static final String PAGES = "/api/content/v1/pages";

	@LocalServerPort
	int port;

	@Test
	void standingPagesAreWrittenByEditorsAndListedInTheNavigation() {
		Api editor = new Api(this.port, "editor");
		String slug = "contact-" + Posts.unique();
		Api.Response created = editor.post(PAGES,
				Map.of("slug", slug, "title", "Contact", "body", "Write to the *project team*.", "navOrder", 9));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();

		JsonNode page = editor.anonymous().get(PAGES + "/" + slug).json();
		assertThat(page.path("html").asString()).isEqualTo("<p>Write to the <em>project team</em>.</p>\n");
		assertThat(editor.anonymous().get(PAGES).json().valueStream().map(p -> p.path("slug").asString()))
			.contains(slug);

		assertThat(editor.put(PAGES + "/" + id, Map.of("slug", slug, "title", "Contact us", "body", "Write to us."))
			.json()
			.path("title")
			.asString()).isEqualTo("Contact us");
		assertThat(editor.post(PAGES, Map.of("slug", slug, "title", "Twice", "body", "x")).status()).isEqualTo(400);
		assertThat(editor.post(PAGES, Map.of("slug", "Not A Slug", "title", "x", "body", "x")).status()).isEqualTo(400);
		assertThat(editor.as("member").delete(PAGES + "/" + id).status()).isEqualTo(403);
		assertThat(editor.delete(PAGES + "/" + id).status()).isEqualTo(204);
		assertThat(editor.anonymous().get(PAGES + "/" + slug).status()).isEqualTo(404);
	}

}
