package org.biochemsec2030.publishing.search;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.biochemsec2030.publishing.Api;
import org.biochemsec2030.publishing.Papers;
import org.biochemsec2030.publishing.PublishingServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.biochemsec2030.publishing.Papers.ok;

/**
 * Published papers and their treaty meetings are searchable; withdrawal shows in search.
 */
@PublishingServiceTest
class PublishingSearchIT {

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private ElasticsearchClient elasticsearch;

	@Test
	void aPublishedPaperAndItsMeetingAreIndexedAndAWithdrawalIsReflected() {
		Api publisher = new Api(this.port, "publisher");
		String meeting = "bwc-wg-" + UUID.randomUUID().toString().substring(0, 6);
		ok(publisher.put("/api/publishing/v1/meetings", Papers.meeting(meeting)));
		JsonNode paper = Papers.published(publisher, "Searchable paper " + meeting, meeting);
		String id = paper.get("id").asString();

		Map<?, ?> indexed = awaitDocument("paper-" + id, doc -> doc != null);
		assertThat(indexed.get("type")).isEqualTo("paper");
		assertThat(indexed.get("url")).isEqualTo("/papers/" + paper.get("slug").asString());
		assertThat(String.valueOf(indexed.get("body"))).contains("Providers screen orders").doesNotContain("<p>");
		assertThat(String.valueOf(indexed.get("people"))).contains("Ada Lovelace");
		Map<?, ?> meetingDoc = awaitDocument("meeting-" + meeting, doc -> doc != null);
		assertThat(meetingDoc.get("type")).isEqualTo("meeting");

		ok(publisher.post("/api/publishing/v1/papers/" + id + "/withdraw", Map.of("notice", "Superseded.")));
		awaitDocument("paper-" + id, doc -> doc != null && String.valueOf(doc.get("summary")).startsWith("Withdrawn."));
	}

	@Test
	void publishersRebuildTheIndexFromTheDatabase() {
		Api publisher = new Api(this.port, "publisher");
		Api.Response rebuilt = publisher.post("/admin/publishing/search/rebuild");
		assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
		assertThat(rebuilt.json().path("alias").asString()).isEqualTo("bcs-publishing");
		assertThat(publisher.as("editor").post("/admin/publishing/search/rebuild").status()).isEqualTo(403);
	}

	private Map<?, ?> awaitDocument(String id, Predicate<Map<?, ?>> condition) {
		Map<?, ?>[] found = new Map<?, ?>[1];
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			var response = this.elasticsearch.get(get -> get.index("bcs-publishing").id(id), Map.class);
			found[0] = response.found() ? response.source() : null;
			return condition.test(found[0]);
		});
		return found[0];
	}

}
