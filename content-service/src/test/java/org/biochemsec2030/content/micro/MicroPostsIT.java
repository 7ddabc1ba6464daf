package org.biochemsec2030.content.micro;

import java.time.OffsetDateTime;
import java.util.Map;

import org.biochemsec2030.content.Api;
import org.biochemsec2030.content.ContentServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ContentServiceTest
class MicroPostsIT {

	private static final String MICRO = "/api/content/v1/micro";

	@LocalServerPort
	int port;

	@Test
	void miniPostsArePublishedWithLinksAndHashtagsAndThreadedReplies() {
		Api editor = new Api(this.port, "editor");
		Api.Response created = editor.post(MICRO, Map.of("text",
				"Notes from the BWC meeting: https://meetings.unoda.org/bwc-mx <script>alert(1)</script> #BWC"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertThat(editor.post(MICRO + "/" + id + "/publish").json().path("status").asString()).isEqualTo("PUBLISHED");
		String reply = editor.post(MICRO, Map.of("text", "A follow-up on verification.", "replyTo", id))
			.json()
			.path("id")
			.asString();
		editor.post(MICRO + "/" + reply + "/publish");

		JsonNode thread = editor.anonymous().get(MICRO + "/" + id).json();
		String html = thread.path("post").path("html").asString();
		assertThat(html).contains("<a href=\"https://meetings.unoda.org/bwc-mx\" rel=\"nofollow noopener\">")
			.contains("&lt;script&gt;")
			.doesNotContain("<script")
			.contains("<a href=\"/micro?tag&#61;bwc\">#BWC</a>");
		assertThat(thread.path("replies").get(0).path("id").asString()).isEqualTo(reply);

		JsonNode list = editor.anonymous().get(MICRO + "?size=5").json();
		assertThat(list.path("size").asInt()).isEqualTo(5);
		JsonNode item = list.path("items")
			.valueStream()
			.filter(i -> i.path("id").asString().equals(id))
			.findFirst()
			.orElseThrow();
		assertThat(item.path("text").asString()).startsWith("Notes from the BWC meeting");
		assertThat(item.path("url").asString()).isEqualTo("/micro/" + id);
		assertThat(OffsetDateTime.parse(item.path("publishedAt").asString())).isNotNull();
		assertThat(editor.anonymous()
			.get(MICRO + "?tag=bwc")
			.json()
			.path("items")
			.valueStream()
			.map(i -> i.path("id").asString())).contains(id).doesNotContain(reply);
	}

	@Test
	void miniPostRulesAreEnforced() {
		Api editor = new Api(this.port, "editor");
		Api.Response tooLong = editor.post(MICRO, Map.of("text", "x".repeat(501)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().path("errors").get(0).path("message").asString())
			.isEqualTo("shorten the text to 500 characters at most");
		assertThat(editor.post(MICRO, Map.of("text", "reply", "replyTo", "0b9e7c4e-5f0a-4d0e-9a51-3f3c2a1d7e01"))
			.json()
			.path("errors")
			.get(0)
			.path("field")
			.asString()).isEqualTo("replyTo");
		assertThat(editor.as("member").post(MICRO, Map.of("text", "hello")).status()).isEqualTo(403);
		assertThat(editor.anonymous().post(MICRO, Map.of("text", "hello")).status()).isEqualTo(401);

		String id = editor.post(MICRO, Map.of("text", "Draft only")).json().path("id").asString();
		assertThat(editor.post(MICRO + "/" + id + "/unpublish").status()).isEqualTo(409);
		assertThat(editor.anonymous().get(MICRO + "/" + id).status()).isEqualTo(404);
		assertThat(editor.post(MICRO + "/" + id + "/submit").json().path("status").asString()).isEqualTo("IN_REVIEW");
		assertThat(editor.post(MICRO + "/" + id + "/submit").status()).isEqualTo(409);
	}

}
