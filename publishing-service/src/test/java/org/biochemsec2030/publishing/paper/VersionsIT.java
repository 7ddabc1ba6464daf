package org.biochemsec2030.publishing.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.biochemsec2030.publishing.Api;
import org.biochemsec2030.publishing.Papers;
import org.biochemsec2030.publishing.PublishingServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.biochemsec2030.publishing.Papers.ok;

/**
 * Versions: a published one never changes (the database itself refuses), a new one
 * carries its note on what changed and why, and series numbers are handed out without
 * gaps.
 */
@PublishingServiceTest
class VersionsIT {

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theDatabaseRefusesToChangeOrDeleteAPublishedVersion() {
		Api publisher = new Api(this.port, "publisher");
		JsonNode paper = Papers.published(publisher, "Immutable record " + UUID.randomUUID());
		UUID id = UUID.fromString(paper.get("id").asString());

		assertThatThrownBy(() -> this.jdbc.sql("update paper_version set title = 'tampered' where paper_id = ?")
			.param(id)
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("published and immutable");
		assertThatThrownBy(() -> this.jdbc.sql("delete from paper_version where paper_id = ?").param(id).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("published and immutable");
		assertThat(this.jdbc.sql("select title from paper_version where paper_id = ?")
			.param(id)
			.query(String.class)
			.single()).startsWith("Immutable record");
	}

	@Test
	void aNewVersionCarriesItsChangeNoteAndTheOldOneStaysCitable() {
		Api publisher = new Api(this.port, "publisher");
		JsonNode first = Papers.published(publisher, "Versioned paper " + UUID.randomUUID());
		String base = "/api/publishing/v1/papers/" + first.get("id").asString();
		String slug = first.get("slug").asString();
		int series = first.get("seriesNumber").asInt();

		Api.Response noNote = publisher.post(base + "/versions", Map.of("what", List.of()));
		assertThat(noNote.status()).isEqualTo(400);
		assertThat(noNote.json().get("errors")).extracting(e -> e.get("field").asString()).contains("what", "why");

		JsonNode draft = ok(publisher.post(base + "/versions",
				Map.of("what", List.of("Section 2 updated for the 2026 screening framework"), "why",
						"A new framework was adopted after publication.", "developments", List.of("dev-42"))));
		assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("workingVersion").asInt()).isEqualTo(2);
		assertThat(draft.get("publishedVersion").asInt()).isEqualTo(1);

		Map<String, Object> text = Papers.paper(first.at("/working/title").asString(), null);
		text.put("body", "## Updated\n\nThe 2026 framework.");
		ok(publisher.put(base, text));
		// While version 2 is worked on, readers still get version 1.
		assertThat(publisher.anonymous().get("/api/publishing/v1/papers/" + slug).json().get("version").asInt())
			.isEqualTo(1);
		assertThat(publisher.anonymous().get("/api/publishing/v1/papers/" + slug + "/versions/2").status())
			.isEqualTo(404);

		ok(publisher.post(base + "/submit"));
		ok(publisher.post(base + "/review-rounds"));
		Api.Response assigned = publisher.post(base + "/reviewers",
				Map.of("name", "Reviewer", "dueOn", java.time.LocalDate.now().plusDays(5).toString()));
		ok(publisher.post(base + "/reviewers/" + assigned.json().get("id").asString() + "/review",
				Map.of("recommendation", "ACCEPT")));
		ok(publisher.post(base + "/approve", Map.of()));
		ok(publisher.post(base + "/dual-use", Map.of("decision", "CLEAR", "rationale", "Unchanged in substance.")));
		JsonNode second = ok(publisher.post(base + "/publish"));
		assertThat(second.get("seriesNumber").asInt()).as("the series number stays with the paper").isEqualTo(series);

		JsonNode latest = publisher.anonymous().get("/api/publishing/v1/papers/" + slug).json();
		assertThat(latest.get("version").asInt()).isEqualTo(2);
		assertThat(latest.get("html").asString()).contains("The 2026 framework.");
		assertThat(latest.at("/changeNote/why").asString()).isEqualTo("A new framework was adopted after publication.");
		assertThat(latest.at("/changeNote/developments/0").asString()).isEqualTo("dev-42");
		assertThat(latest.get("versions")).extracting(v -> v.get("url").asString())
			.containsExactly("/papers/" + slug + "/v1", "/papers/" + slug + "/v2");
		JsonNode v1 = publisher.anonymous().get("/api/publishing/v1/papers/" + slug + "/versions/1").json();
		assertThat(v1.get("latest").asBoolean()).isFalse();
		assertThat(v1.get("html").asString()).contains("Providers screen orders").doesNotContain("2026 framework");
	}

	@Test
	void concurrentPublicationsGetConsecutiveSeriesNumbers() throws Exception {
		Api publisher = new Api(this.port, "publisher");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ids.add(cleared(publisher, "Concurrent " + i + " " + UUID.randomUUID()));
		}
		List<Callable<Integer>> publications = ids.stream()
			.<Callable<Integer>>map(
					id -> () -> ok(publisher.post("/api/publishing/v1/papers/" + id + "/publish")).get("seriesNumber")
						.asInt())
			.toList();
		List<Integer> numbers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			for (Future<Integer> number : pool.invokeAll(publications)) {
				numbers.add(number.get());
			}
		}
		numbers.sort(Integer::compare);
		int lowest = numbers.get(0);
		assertThat(numbers).containsExactly(lowest, lowest + 1, lowest + 2, lowest + 3);
	}

	private static String cleared(Api publisher, String title) {
		Api.Response created = publisher.post("/api/publishing/v1/papers", Papers.paper(title, null));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		String base = "/api/publishing/v1/papers/" + id;
		ok(publisher.post(base + "/submit"));
		ok(publisher.post(base + "/review-rounds"));
		Api.Response assigned = publisher.post(base + "/reviewers",
				Map.of("name", "Reviewer", "dueOn", java.time.LocalDate.now().plusDays(5).toString()));
		ok(publisher.post(base + "/reviewers/" + assigned.json().get("id").asString() + "/review",
				Map.of("recommendation", "ACCEPT")));
		ok(publisher.post(base + "/approve", Map.of()));
		ok(publisher.post(base + "/dual-use", Map.of("decision", "CLEAR", "rationale", "Fine.")));
		return id;
	}

}
