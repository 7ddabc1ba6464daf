package org.biochemsec2030.publishing.paper;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.contracts.EventType;
import org.biochemsec2030.contracts.network.MemberErased;
import org.biochemsec2030.contracts.network.NetworkEvents;
import org.biochemsec2030.platform.events.Outbox;
import org.biochemsec2030.publishing.Api;
import org.biochemsec2030.publishing.Papers;
import org.biochemsec2030.publishing.PublishingServiceTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * network-service's {@code member.erased} (its golden sample, on {@code bcs.network}
 * through Kafka) removes what this service holds about the member, except the name
 * printed on a published version.
 */
@PublishingServiceTest
class MemberErasureIT {

	@LocalServerPort
	int port;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anErasedMembersAuthorshipAndReviewsAreAnonymisedButAPublishedVersionKeepsThePrintedName() throws Exception {
		Api publisher = new Api(this.port, "publisher");
		String member = UUID.randomUUID().toString();
		String meeting = "msp-" + UUID.randomUUID().toString().substring(0, 8);
		Papers.ok(publisher.put("/api/publishing/v1/meetings", Papers.meeting(meeting)));

		// A published paper by the member, whose next version is being written...
		Map<String, Object> byMember = withMemberAuthor(
				Papers.paper("Biosecurity in cloud laboratories " + UUID.randomUUID(), meeting), member);
		String published = create(publisher, byMember);
		String base = "/api/publishing/v1/papers/" + published;
		takeThroughReview(publisher, base, Map.of("name", "Rosalind Franklin", "dueOn", due()));
		Papers.ok(publisher.post(base + "/publish"));
		Papers.ok(publisher.post(base + "/versions",
				Map.of("what", List.of("Updated figures"), "why", "New data", "developments", List.of())));
		String slug = Papers.ok(publisher.get("/api/publishing/v1/editorial/papers/" + published))
			.get("slug")
			.asString();

		// ...and a paper in review the member reviews, from an author's university.
		String reviewed = create(publisher,
				Papers.paper("Export controls on benchtop synthesisers " + UUID.randomUUID(), meeting));
		String reviewedBase = "/api/publishing/v1/papers/" + reviewed;
		Papers.ok(publisher.post(reviewedBase + "/submit"));
		Papers.ok(publisher.post(reviewedBase + "/review-rounds"));
		String reviewerMail = "member-" + member + "@network.example";
		JsonNode memberReview = assign(publisher, reviewedBase, Map.of("reviewerId", member, "name", "Ada Member",
				"email", reviewerMail, "affiliation", "University of Bath", "dueOn", due()));
		assertThat(memberReview.get("conflict").isNull()).isFalse();
		Papers.ok(publisher.post(reviewedBase + "/reviewers/" + memberReview.get("id").asString() + "/review",
				Map.of("recommendation", "MINOR_REVISIONS", "comments", "Section 3 needs a source.")));
		JsonNode otherReview = assign(publisher, reviewedBase,
				Map.of("name", "Dorothy Hodgkin", "email", "hodgkin@reviewers.example", "dueOn", due()));

		// network-service erases the member: its golden event, twice (two erasures of
		// the same member are as one).
		List<UUID> events = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			events.add(erase(member));
		}
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc
				.sql("select count(*) from event_inbox where consumer = 'publishing-service-erasure'"
						+ " and event_id in (?, ?)")
				.params(events.get(0).toString(), events.get(1).toString())
				.query(Long.class)
				.single() == 2);

		// The published version still names the member as printed; the draft of the next
		// version no longer does.
		JsonNode v1 = Papers.ok(publisher.anonymous().get("/api/publishing/v1/papers/" + slug));
		assertThat(v1.get("authors").get(0).get("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(Jsoup.parse(publisher.anonymous().page("/papers/" + slug).body()).text()).contains("Ada Lovelace");
		JsonNode draft = Papers.ok(publisher.get("/api/publishing/v1/editorial/papers/" + published)).get("working");
		assertThat(draft.get("number").asInt()).isEqualTo(2);
		JsonNode erasedAuthor = draft.get("authors").get(0);
		assertThat(erasedAuthor.get("name").asString()).isEqualTo("Former member");
		assertThat(erasedAuthor.path("affiliation").isNull()).isTrue();
		assertThat(erasedAuthor.path("orcid").isNull()).isTrue();
		assertThat(erasedAuthor.path("memberId").isNull()).isTrue();
		assertThat(draft.get("authors").get(1).get("name").asString()).isEqualTo("Grace Hopper");
		assertThat(draft.get("authors").get(1).get("affiliation").asString()).isEqualTo("King's College London");

		// The review keeps its recommendation and comments, not the reviewer.
		JsonNode round = Papers.ok(publisher.get("/api/publishing/v1/editorial/papers/" + reviewed))
			.get("rounds")
			.get(0);
		JsonNode anonymous = find(round, memberReview.get("id").asString());
		assertThat(anonymous.get("name").asString()).isEqualTo("Former member");
		assertThat(anonymous.get("reviewerId").isNull()).isTrue();
		assertThat(anonymous.get("email").isNull()).isTrue();
		assertThat(anonymous.get("affiliation").isNull()).isTrue();
		assertThat(anonymous.get("conflict").asString()).doesNotContain("Bath");
		assertThat(anonymous.get("recommendation").asString()).isEqualTo("MINOR_REVISIONS");
		assertThat(anonymous.get("comments").asString()).isEqualTo("Section 3 needs a source.");
		assertThat(find(round, otherReview.get("id").asString()).get("email").asString())
			.isEqualTo("hodgkin@reviewers.example");
		assertThat(this.jdbc.sql("select count(*) from review_assignment where reviewer_email = ?")
			.param(reviewerMail)
			.query(Integer.class)
			.single()).isZero();
	}

	/**
	 * The golden sample of the contract, for this member, as network-service writes it.
	 */
	@SuppressWarnings("unchecked")
	private UUID erase(String member) throws Exception {
		EventType type = NetworkEvents.ALL.stream()
			.filter(t -> t.type().equals(MemberErased.TYPE))
			.findFirst()
			.orElseThrow();
		Map<String, Object> data;
		try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.goldenResource())) {
			data = new LinkedHashMap<>(Api.JSON.readValue(in.readAllBytes(), Map.class));
		}
		// As network-service writes it: its own member id, and the account the member is
		// known by here.
		data.put("memberId", UUID.randomUUID().toString());
		data.put("accountId", member);
		return this.transactions
			.execute(status -> this.outbox.append(NetworkEvents.TOPIC, MemberErased.TYPE, member, data));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> withMemberAuthor(Map<String, Object> paper, String member) {
		List<Object> authors = new ArrayList<>((List<?>) paper.get("authors"));
		Map<String, Object> first = new LinkedHashMap<>((Map<String, Object>) authors.get(0));
		first.put("memberId", member);
		authors.set(0, first);
		paper.put("authors", authors);
		return paper;
	}

	private static String create(Api publisher, Map<String, Object> paper) {
		Api.Response created = publisher.post("/api/publishing/v1/papers", paper);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static void takeThroughReview(Api publisher, String base, Map<String, Object> reviewer) {
		Papers.ok(publisher.post(base + "/submit"));
		Papers.ok(publisher.post(base + "/review-rounds"));
		String id = assign(publisher, base, reviewer).get("id").asString();
		Papers.ok(publisher.post(base + "/reviewers/" + id + "/review", Map.of("recommendation", "ACCEPT")));
		Papers.ok(publisher.post(base + "/approve", Map.of()));
		Papers.ok(publisher.post(base + "/dual-use", Map.of("decision", "CLEAR", "rationale", "Policy only.")));
	}

	private static JsonNode assign(Api publisher, String base, Map<String, Object> reviewer) {
		Api.Response assigned = publisher.post(base + "/reviewers", reviewer);
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
		return assigned.json();
	}

	private static JsonNode find(JsonNode round, String assignment) {
		for (JsonNode a : round.get("assignments")) {
			if (a.get("id").asString().equals(assignment)) {
				return a;
			}
		}
		throw new AssertionError("No assignment " + assignment + " in " + round);
	}

	private static String due() {
		return LocalDate.now().plusDays(14).toString();
	}

}
