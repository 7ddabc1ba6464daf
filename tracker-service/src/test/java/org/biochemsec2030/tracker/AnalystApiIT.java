package org.biochemsec2030.tracker;

import java.util.List;
import java.util.Map;

import org.biochemsec2030.tracker.source.TestFeeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysts' JSON API with real tokens: sources, the queue, rules and promotion, and
 * how it answers those who may not use it and requests it cannot accept.
 */
@TrackerServiceTest
class AnalystApiIT {

	private static final String API = "/api/tracker/v1";

	private static TestFeeds feeds;

	@LocalServerPort
	int port;

	private Api analyst;

	@BeforeAll
	static void startSites() {
		feeds = TestFeeds.start();
	}

	@AfterAll
	static void stopSites() {
		feeds.close();
	}

	@BeforeEach
	void signIn() {
		this.analyst = new Api(this.port, "analyst");
	}

	@Test
	void onlyAnalystsAndAdminsGetInAndAreRefusedBeforeTheirInputIsRead() {
		Api.Answer nobody = Api.anonymous(this.port).get(API + "/sources");
		assertThat(nobody.status()).isEqualTo(401);
		assertThat(nobody.contentType()).startsWith("application/problem+json");
		Api member = new Api(this.port, "member");
		for (String path : List.of("/sources", "/items", "/rules", "/analysis/developments")) {
			assertThat(member.get(API + path).status()).as(path).isEqualTo(403);
		}
		// An invalid body from someone without the role: told it is not theirs to do
		// (403),
		// not what a valid one looks like (400).
		assertThat(member.post(API + "/sources", Map.of("name", "")).status()).isEqualTo(403);
		assertThat(member.post(API + "/rules/rerun", "").status()).isEqualTo(403);
		assertThat(new Api(this.port, "admin").get(API + "/rules").status()).isEqualTo(200);
	}

	@Test
	void analystsRunSourcesTriageTheQueueAndPromoteItems() {
		Api.Answer refused = this.analyst.post(API + "/sources",
				Map.of("name", "Internal", "url", "http://169.254.169.254/latest/meta-data/"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("url");

		Api.Answer added = this.analyst.post(API + "/sources",
				Map.of("name", "Analysts' Desk", "url", feeds.url("/desk.xml"), "pollEveryMinutes", 30));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		String source = added.json().path("id").asString();
		assertThat(added.location()).endsWith(API + "/sources/" + source);
		assertThat(this.analyst.get(API + "/sources/" + source).json().path("pollEverySeconds").asInt())
			.isEqualTo(1800);

		// Rules apply to every item in the shared database: these name what only this
		// fixture says, and are deleted at the end.
		String webinars = this.analyst
			.post(API + "/rules", Map.of("name", "Webinars", "field", "title", "kind", "keyword", "pattern",
					"webinar recording", "action", "dismiss"))
			.json()
			.path("id")
			.asString();
		Api.Answer poll = this.analyst.post(API + "/sources/" + source + "/poll", "");
		assertThat(poll.status()).as(poll.body()).isEqualTo(200);
		assertThat(poll.json().path("ingest").path("newItems").asInt()).isEqualTo(3);
		JsonNode health = this.analyst.get(API + "/sources/" + source).json();
		assertThat(health.path("lastStatus").asString()).isEqualTo("200");
		assertThat(health.path("itemsSeen").asInt()).isEqualTo(3);
		assertThat(health.path("consecutiveFailures").asInt()).isZero();

		JsonNode queue = this.analyst.get(API + "/items?source=" + source).json();
		assertThat(queue.path("items").valueStream().map(i -> i.path("title").asString())).containsExactlyInAnyOrder(
				"Cloud laboratories open remote automated protein expression to any customer",
				"Portable mass spectrometer identifies chemical warfare agent precursors in the field");
		JsonNode dismissed = this.analyst.get(API + "/items?status=dismissed&source=" + source).json();
		assertThat(dismissed.path("items").get(0).path("matchedRules").get(0).asString()).isEqualTo("Webinars");
		JsonNode cloudLab = this.analyst.get(API + "/items?q=cloud%20lab&source=" + source).json().path("items").get(0);
		assertThat(cloudLab.path("url").asString()).isEqualTo("https://desk.example/2026/cloud-lab-protein-expression");

		// A new rule over the items nobody decided about yet.
		String rule = this.analyst
			.post(API + "/rules", Map.of("name", "Expression", "field", "any", "kind", "regex", "pattern",
					"protein express(ion|ed)", "action", "topic", "value", "synthetic-biology"))
			.json()
			.path("id")
			.asString();
		assertThat(this.analyst.post(API + "/rules/rerun", "").json().path("judged").asInt()).isPositive();
		assertThat(this.analyst.get(API + "/items?topic=synthetic-biology&source=" + source)
			.json()
			.path("items")
			.valueStream()
			.map(i -> i.path("id").asString())).containsExactly(cloudLab.path("id").asString());
		Api.Answer renamed = this.analyst.put(API + "/rules/" + rule,
				Map.of("name", "Protein expression", "field", "title", "kind", "regex", "pattern", "protein expression",
						"action", "topic", "value", "synthetic-biology"));
		assertThat(renamed.json().path("name").asString()).isEqualTo("Protein expression");
		assertThat(this.analyst.post(API + "/rules/" + rule + "/disable", "").json().path("enabled").asBoolean())
			.isFalse();
		for (String id : List.of(rule, webinars)) {
			assertThat(this.analyst.delete(API + "/rules/" + id).status()).isEqualTo(204);
			assertThat(this.analyst.get(API + "/rules/" + id).status()).isEqualTo(404);
		}

		String spectrometer = this.analyst.get(API + "/items?q=spectrometer&source=" + source)
			.json()
			.path("items")
			.get(0)
			.path("id")
			.asString();
		Api.Answer promoted = this.analyst.post(API + "/analysis/developments", Map.of("itemIds",
				List.of(cloudLab.path("id").asString()), "title", "Cloud labs and protein expression"));
		assertThat(promoted.status()).as(promoted.body()).isEqualTo(201);
		String development = promoted.json().path("id").asString();
		assertThat(promoted.json().path("slug").asString()).startsWith("cloud-labs-and-protein-expression");
		JsonNode grown = this.analyst
			.post(API + "/analysis/developments/" + development + "/items", Map.of("itemIds", List.of(spectrometer)))
			.json();
		assertThat(grown.path("itemIds").size()).isEqualTo(2);
		Api.Answer again = this.analyst.post(API + "/analysis/developments", Map.of("itemIds", List.of(spectrometer)));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.json().path("errors").get(0).path("message").asString()).contains("part of a development");
		JsonNode edited = this.analyst
			.put(API + "/analysis/developments/" + development,
					Map.of("title", "Cloud labs offer protein expression to anyone", "summary", "Remote labs."))
			.json();
		assertThat(edited.path("summary").asString()).isEqualTo("Remote labs.");
		assertThat(this.analyst.get(API + "/analysis/developments?status=draft&size=100")
			.json()
			.valueStream()
			.map(d -> d.path("id").asString())).contains(development);
		assertThat(this.analyst.get(API + "/items/" + spectrometer).json().path("status").asString())
			.isEqualTo("promoted");

		// What reported evidence stays; a source can be disabled, not removed.
		assertThat(this.analyst.delete(API + "/sources/" + source).status()).isEqualTo(409);
		assertThat(this.analyst.post(API + "/sources/" + source + "/disable", "").json().path("enabled").asBoolean())
			.isFalse();
		String unused = this.analyst.post(API + "/sources", Map.of("name", "Typo", "url", feeds.url("/desk.xml?typo")))
			.json()
			.path("id")
			.asString();
		assertThat(this.analyst.delete(API + "/sources/" + unused).status()).isEqualTo(204);
		assertThat(this.analyst.get(API + "/sources/" + unused).status()).isEqualTo(404);
	}

	@Test
	void badInputIsAProblemNamingEachField() {
		Api.Answer filters = this.analyst.get(API + "/items?status=maybe&topic=virology&size=0");
		assertThat(filters.status()).isEqualTo(400);
		assertThat(filters.contentType()).startsWith("application/problem+json");
		assertThat(filters.json().path("errors").valueStream().map(e -> e.path("field").asString()))
			.containsExactlyInAnyOrder("status", "topic", "size");
		assertThat(
				this.analyst.get(API + "/items?source=not-an-id").json().path("errors").get(0).path("field").asString())
			.isEqualTo("source");
		Api.Answer rule = this.analyst.post(API + "/rules",
				Map.of("name", "Runaway", "field", "title", "kind", "regex", "pattern", ".*.*zq", "action", "flag"));
		assertThat(rule.status()).isEqualTo(400);
		assertThat(rule.json().path("errors").get(0).path("field").asString()).isEqualTo("pattern");
		assertThat(this.analyst.post(API + "/sources", "{not json").status()).isEqualTo(400);
		Api.Answer missing = this.analyst.get(API + "/analysis/developments/00000000-0000-0000-0000-000000000000");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(this.analyst.post(API + "/analysis/developments", Map.of("itemIds", List.of())).status())
			.isEqualTo(400);
	}

}
