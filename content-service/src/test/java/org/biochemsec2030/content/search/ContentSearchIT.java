package org.biochemsec2030.content.search;

import java.time.Duration;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.biochemsec2030.content.Api;
import org.biochemsec2030.content.ContentServiceTest;
import org.biochemsec2030.content.Posts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search index follows publication, updates and unpublication, and can be rebuilt.
 */
@ContentServiceTest
class ContentSearchIT {

	@LocalServerPort
	int port;

	@Autowired
	ElasticsearchClient elasticsearch;

	@Autowired
	JdbcClient jdbc;

	@Test
	void publishedPostsAreIndexedUpdatedAndRemoved() {
		Api editor = new Api(this.port, "editor");
		Map<String, Object> input = Posts.screeningPost();
		String id = editor.post("/api/content/v1/posts", input).json().path("id").asString();
		String slug = editor.post("/api/content/v1/posts/" + id + "/publish").json().path("slug").asString();

		Map<?, ?> indexed = awaitDocument("post-" + id, (doc) -> doc != null);
		assertThat(indexed.get("title")).isEqualTo(input.get("title"));
		assertThat(indexed.get("url")).isEqualTo("/blog/" + slug);
		assertThat(indexed.get("type")).isEqualTo("post");
		assertThat(String.valueOf(indexed.get("body"))).contains("Providers of synthetic DNA screen sequences")
			.doesNotContain("<strong>");

		input.put("title", "Gene synthesis screening, revised " + Posts.unique());
		editor.put("/api/content/v1/posts/" + id, input);
		editor.post("/api/content/v1/posts/" + id + "/publish");
		awaitDocument("post-" + id, (doc) -> doc != null && input.get("title").equals(doc.get("title")));

		editor.post("/api/content/v1/posts/" + id + "/unpublish");
		awaitDocument("post-" + id, (doc) -> doc == null);
		// Handled and committed, not retried into the dead letters.
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc
				.sql("select count(*) from event_inbox i join event_outbox o"
						+ " on o.event_id::text = i.event_id where i.consumer = 'content-service-search'"
						+ " and o.topic = 'bcs.content' and o.aggregate_id = ? and o.type = ?")
				.params(id, "org.biochemsec2030.content.post.unpublished.v1")
				.query(Long.class)
				.single() == 1);
	}

	@Test
	void editorsRebuildTheIndexFromTheDatabase() {
		Api editor = new Api(this.port, "editor");
		String id = editor.post("/api/content/v1/micro", Map.of("text", "Indexed by a rebuild #BWC"))
			.json()
			.path("id")
			.asString();
		editor.post("/api/content/v1/micro/" + id + "/publish");

		Api.Response rebuilt = editor.post("/admin/content/search/rebuild");
		assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
		JsonNode report = rebuilt.json();
		assertThat(report.path("alias").asString()).isEqualTo("bcs-content");
		assertThat(report.path("documents").asLong()).isPositive();
		awaitDocument("micro-" + id, (doc) -> doc != null);

		assertThat(editor.as("member").post("/admin/content/search/rebuild").status()).isEqualTo(403);
		assertThat(editor.anonymous().post("/admin/content/search/rebuild").status()).isEqualTo(401);
	}

	private Map<?, ?> awaitDocument(String id, java.util.function.Predicate<Map<?, ?>> condition) {
		Map<?, ?>[] found = new Map<?, ?>[1];
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			var response = this.elasticsearch.get(get -> get.index("bcs-content").id(id), Map.class);
			found[0] = response.found() ? response.source() : null;
			return condition.test(found[0]);
		});
		return found[0];
	}

}
