package org.biochemsec2030.content.post;

import java.util.Map;

import org.biochemsec2030.content.Api;
import org.biochemsec2030.content.ContentServiceTest;
import org.biochemsec2030.content.Posts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ContentServiceTest
class RevisionsIT {

	private static final String POSTS = "/api/content/v1/posts";

	@LocalServerPort
	int port;

	@Test
	void everyRevisionIsKeptComparedAndRestorable() {
		Api editor = new Api(this.port, "editor");
		Map<String, Object> input = Posts.screeningPost();
		input.put("title", "Tracking techno-science");
		input.put("body", "First paragraph.\n\nSecond paragraph.");
		String id = editor.post(POSTS, input).json().path("id").asString();
		input.put("body", "First paragraph.\n\nSecond paragraph, rewritten.");
		editor.put(POSTS + "/" + id, input);
		input.put("title", "Tracking techno-science for the S&T review");
		editor.as("admin").put(POSTS + "/" + id, input);

		JsonNode revisions = editor.get(POSTS + "/" + id + "/revisions").json();
		assertThat(revisions.valueStream().map(r -> r.path("number").asInt())).containsExactly(3, 2, 1);
		assertThat(revisions.valueStream().map(r -> r.path("createdBy").asString())).containsExactly("admin", "editor",
				"editor");
		assertThat(revisions.get(0).path("createdAt").asString()).isNotBlank();

		JsonNode diff = editor.get(POSTS + "/" + id + "/revisions/diff?from=1&to=3").json();
		assertThat(diff.path("unified").asString()).contains("-Title: Tracking techno-science\n")
			.contains("+Title: Tracking techno-science for the S&T review")
			.contains("-Second paragraph.")
			.contains("+Second paragraph, rewritten.");
		assertThat(diff.path("changes").size()).isEqualTo(2);

		JsonNode restored = editor.post(POSTS + "/" + id + "/revisions/1/restore").json();
		assertThat(restored.path("headRevision").asInt()).isEqualTo(4);
		assertThat(restored.path("title").asString()).isEqualTo("Tracking techno-science");
		assertThat(restored.path("body").asString()).isEqualTo("First paragraph.\n\nSecond paragraph.");
		JsonNode newest = editor.get(POSTS + "/" + id + "/revisions").json().get(0);
		assertThat(newest.path("restoredFrom").asInt()).isEqualTo(1);
		assertThat(editor.get(POSTS + "/" + id + "/revisions/4").json().path("title").asString())
			.isEqualTo("Tracking techno-science");

		assertThat(editor.get(POSTS + "/" + id + "/revisions/9").status()).isEqualTo(404);
		assertThat(editor.as("member").get(POSTS + "/" + id + "/revisions").status()).isEqualTo(403);
	}

}
