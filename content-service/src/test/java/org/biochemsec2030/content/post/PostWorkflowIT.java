package org.biochemsec2030.content.post;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.biochemsec2030.content.Api;
import org.biochemsec2030.content.ContentServiceTest;
import org.biochemsec2030.content.Posts;
import org.biochemsec2030.content.render.XssPayloads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ContentServiceTest
class PostWorkflowIT {

	private static final String POSTS = "/api/content/v1/posts";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api editor;

	@BeforeEach
	void signIn() {
		this.editor = new Api(this.port, "editor");
	}

	@Test
	void editorWritesSubmitsAndPublishesAPostThatReadersThenSee() {
		Map<String, Object> input = Posts.screeningPost();
		Api.Response created = this.editor.post(POSTS, input);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		String slug = created.json().path("slug").asString();
		assertThat(slug).startsWith("gene-synthesis-screening-");
		assertThat(created.header("Location")).endsWith("/api/content/v1/editorial/posts/" + id);
		assertThat(this.editor.anonymous().get(POSTS + "/" + slug).status()).isEqualTo(404);

		assertThat(this.editor.post(POSTS + "/" + id + "/submit").json().path("status").asString())
			.isEqualTo("IN_REVIEW");
		Api.Response published = this.editor.post(POSTS + "/" + id + "/publish");
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat(published.json().path("status").asString()).isEqualTo("PUBLISHED");

		JsonNode post = this.editor.anonymous().get(POSTS + "/" + slug).json();
		assertThat(post.path("title").asString()).isEqualTo(input.get("title"));
		assertThat(post.path("url").asString()).isEqualTo("/blog/" + slug);
		assertThat(post.path("canonicalUrl").asString()).isEqualTo("https://biochemsec2030.example/blog/" + slug);
		assertThat(post.path("html").asString()).contains("<strong>screen</strong>")
			.contains("href=\"https://www.un.org/en/sc/1540/\" rel=\"nofollow noopener\"");
		assertThat(post.path("authors").get(0).asString()).isEqualTo("editor");
		assertThat(post.path("regimes").values()).extracting(JsonNode::asString).containsExactly("BWC", "1540");

		JsonNode list = this.editor.anonymous().get(POSTS + "?size=50").json();
		assertThat(list.path("page").asInt()).isZero();
		assertThat(list.path("size").asInt()).isEqualTo(50);
		assertThat(list.path("total").asLong()).isPositive();
		JsonNode item = list.path("items")
			.valueStream()
			.filter(i -> i.path("id").asString().equals(id))
			.findFirst()
			.orElseThrow();
		assertThat(item.path("title").asString()).isEqualTo(input.get("title"));
		assertThat(item.path("url").asString()).isEqualTo("/blog/" + slug);
		assertThat(item.path("summary").asString()).isEqualTo(input.get("summary"));
		assertThat(OffsetDateTime.parse(item.path("publishedAt").asString()).getOffset()).isEqualTo(ZoneOffset.UTC);

		assertThat(this.jdbc.sql("select action from audit_log where target = ? order by id")
			.param("post:" + id)
			.query(String.class)
			.list()).containsExactly("post.created", "post.submitted", "post.published");
	}

	@Test
	void writesNeedTheEditorRole() {
		Api.Response anonymous = this.editor.anonymous().post(POSTS, Posts.screeningPost());
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
		assertThat(this.editor.as("member").post(POSTS, Posts.screeningPost()).status()).isEqualTo(403);
		assertThat(this.editor.anonymous().get("/api/content/v1/editorial/posts").status()).isEqualTo(401);
		assertThat(this.editor.as("member").get("/api/content/v1/editorial/posts").status()).isEqualTo(403);
		assertThat(this.editor.as("admin").post(POSTS, Posts.screeningPost()).status()).isEqualTo(201);
	}

	@Test
	void invalidInputIsAnsweredWithTheFieldsToFix() {
		Api.Response missing = this.editor.post(POSTS, Map.of("title", " ", "body", ""));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
		assertThat(missing.json().path("errors").valueStream().map(e -> e.path("field").asString()))
			.containsExactly("body", "title");
		// The detail names the fields once; what to do is said in their entries only.
		assertThat(missing.json().path("detail").asString()).isEqualTo("Please correct: body, title.");
		assertThat(missing.json().path("errors").get(1).path("message").asString()).isEqualTo("give the post a title");

		Map<String, Object> unknownTopic = Posts.screeningPost();
		unknownTopic.put("topics", List.of("genome-editing", "astrology"));
		unknownTopic.put("regimes", List.of("NPT"));
		JsonNode problem = this.editor.post(POSTS, unknownTopic).json();
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("topics[1]");
		assertThat(problem.path("errors").get(0).path("message").asString()).contains("'astrology' is not a topic")
			.contains("genome-editing, synthetic-biology");
		assertThat(problem.path("errors").get(1).path("message").asString())
			.contains("use one of BWC, CWC, 1540, 2118");

		Map<String, Object> noNote = Posts.screeningPost();
		noNote.put("materialChange", true);
		assertThat(this.editor.post(POSTS, noNote).json().path("errors").get(0).path("field").asString())
			.isEqualTo("correctionNote");

		assertThat(this.editor.anonymous().get(POSTS + "?size=0").status()).isEqualTo(400);
		assertThat(
				this.editor.anonymous().get(POSTS + "?size=51").json().path("errors").get(0).path("message").asString())
			.isEqualTo("use a page size from 1 to 50");
		assertThat(this.editor.anonymous().get(POSTS + "?topic=astrology").status()).isEqualTo(400);
		assertThat(this.editor.put(POSTS + "/not-an-id", Posts.screeningPost()).status()).isEqualTo(400);
	}

	@Test
	void unknownSlugsAndIdsAre404() {
		Api.Response response = this.editor.anonymous().get(POSTS + "/no-such-post");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().path("detail").asString()).contains("no-such-post");
		assertThat(this.editor.post(POSTS + "/0b9e7c4e-5f0a-4d0e-9a51-3f3c2a1d7e01/publish").status()).isEqualTo(404);
	}

	@Test
	void invalidWorkflowTransitionsAre409() {
		String id = create(Posts.screeningPost());
		assertThat(this.editor.post(POSTS + "/" + id + "/unpublish").status()).isEqualTo(409);
		assertThat(this.editor.post(POSTS + "/" + id + "/publish").status()).isEqualTo(200);
		Api.Response again = this.editor.post(POSTS + "/" + id + "/publish");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().path("detail").asString()).contains("already published");
		assertThat(this.editor.post(POSTS + "/" + id + "/submit").status()).isEqualTo(409);
		assertThat(this.editor
			.post(POSTS + "/" + id + "/schedule", Map.of("at", OffsetDateTime.now().plusDays(1).toString()))
			.status()).isEqualTo(409);
		assertThat(this.editor.post(POSTS + "/" + id + "/unpublish").json().path("status").asString())
			.isEqualTo("ARCHIVED");
		assertThat(this.editor.post(POSTS + "/" + id + "/unpublish").status()).isEqualTo(409);
		assertThat(this.editor.post(POSTS + "/" + id + "/submit").status()).isEqualTo(409);
	}

	@Test
	void publishingAtAFutureTimeSchedulesAndAPastTimeIsRefused() {
		String id = create(Posts.screeningPost());
		Api.Response past = this.editor.post(POSTS + "/" + id + "/publish",
				Map.of("at", OffsetDateTime.now().minusMinutes(5).toString()));
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.json().path("errors").get(0).path("field").asString()).isEqualTo("at");

		String at = OffsetDateTime.now(ZoneOffset.ofHours(1)).plusDays(2).withNano(0).toString();
		JsonNode scheduled = this.editor.post(POSTS + "/" + id + "/publish", Map.of("at", at)).json();
		assertThat(scheduled.path("status").asString()).isEqualTo("SCHEDULED");
		assertThat(OffsetDateTime.parse(scheduled.path("scheduledAt").asString()).toInstant())
			.isEqualTo(OffsetDateTime.parse(at).toInstant());
		// Calling off a scheduled publication returns the post to its draft state.
		assertThat(this.editor.post(POSTS + "/" + id + "/unpublish").json().path("status").asString())
			.isEqualTo("DRAFT");
	}

	@Test
	void editsToAPublishedPostAreStagedAndReviewedWhileTheLiveVersionStaysUp() {
		Map<String, Object> first = Posts.screeningPost();
		String id = create(first);
		String slug = this.editor.post(POSTS + "/" + id + "/publish").json().path("slug").asString();

		Map<String, Object> second = Posts.screeningPost();
		second.put("title", "Gene synthesis screening, corrected " + Posts.unique());
		second.put("materialChange", true);
		second.put("correctionNote", "An earlier version gave the wrong year for the screening guidance.");
		JsonNode staged = this.editor.put(POSTS + "/" + id, second).json();
		assertThat(staged.path("staged").asBoolean()).isTrue();
		assertThat(staged.path("liveRevision").asInt()).isEqualTo(1);
		assertThat(staged.path("headRevision").asInt()).isEqualTo(2);
		assertThat(staged.path("slug").asString()).as("the slug is stable after publication").isEqualTo(slug);
		assertThat(this.editor.anonymous().get(POSTS + "/" + slug).json().path("title").asString())
			.isEqualTo(first.get("title"));

		assertThat(this.editor.post(POSTS + "/" + id + "/submit").json().path("stagedInReview").asBoolean()).isTrue();
		assertThat(this.editor.post(POSTS + "/" + id + "/publish").json().path("liveRevision").asInt()).isEqualTo(2);

		JsonNode live = this.editor.anonymous().get(POSTS + "/" + slug).json();
		assertThat(live.path("title").asString()).isEqualTo(second.get("title"));
		assertThat(live.path("corrections").get(0).path("note").asString())
			.isEqualTo("An earlier version gave the wrong year for the screening guidance.");
	}

	@Test
	void slugsAreMadeFromTitlesAndKeptUniqueUntilPublication() {
		Map<String, Object> input = Posts.screeningPost();
		input.put("title", "Resolution 1540 & the S&T review " + Posts.unique());
		Api.Response first = this.editor.post(POSTS, input);
		Api.Response second = this.editor.post(POSTS, input);
		String slug = first.json().path("slug").asString();
		assertThat(slug).startsWith("resolution-1540-and-the-s-and-t-review-");
		assertThat(second.json().path("slug").asString()).isEqualTo(slug + "-2");

		input.put("title", "A new title before publication " + Posts.unique());
		assertThat(
				this.editor.put(POSTS + "/" + first.json().path("id").asString(), input).json().path("slug").asString())
			.startsWith("a-new-title-before-publication-");
	}

	@Test
	void noAttackInTheMarkdownSurvivesToThePublishedPage() {
		Map<String, Object> input = Posts.screeningPost();
		input.put("body", String.join("\n\n", XssPayloads.ALL));
		String id = create(input);
		String slug = this.editor.post(POSTS + "/" + id + "/publish").json().path("slug").asString();

		String html = this.editor.anonymous().get(POSTS + "/" + slug).json().path("html").asString();
		assertThat(html).isNotBlank();
		XssPayloads.assertHarmless(html);
	}

	private String create(Map<String, Object> input) {
		Api.Response created = this.editor.post(POSTS, input);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asString();
	}

}
