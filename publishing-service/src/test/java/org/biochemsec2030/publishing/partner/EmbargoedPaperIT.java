package org.biochemsec2030.publishing.partner;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import org.biochemsec2030.contracts.embargo.EmbargoRecalled;
import org.biochemsec2030.contracts.publishing.PaperPublished;
import org.biochemsec2030.platform.test.Identity;
import org.biochemsec2030.publishing.Api;
import org.biochemsec2030.publishing.Papers;
import org.biochemsec2030.publishing.paper.PaperService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A paper announced ahead of its publication, end to end through the real outbox, Kafka
 * and a receiver on loopback: a trusted partner gets {@code paper.published} at once,
 * while {@code bcs.public}, the service's own topic (which feeds search and content's
 * drafts), the pull log and the page wait for the scheduled time, when the same id comes
 * out everywhere; calling the schedule off recalls it.
 */
@PartnerServiceTest
class EmbargoedPaperIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PaperService papers;

	/** Every webhook body the receiver was sent, in order. */
	private final List<JsonNode> received = new CopyOnWriteArrayList<>();

	private HttpServer receiver;

	private Api publisher;

	private String meeting;

	@BeforeEach
	void partnerAndMeeting() throws Exception {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.receiver.createContext("/hooks", exchange -> {
			this.received.add(PartnerCalls.JSON
				.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.receiver.start();
		UUID partner = PartnerCalls.registerDemoPartner(this.jdbc, this.port, "webhooks@partner.example");
		HttpResponse<String> trusted = PartnerCalls.call(this.port, "PUT",
				"/api/publishing/v1/partners/" + partner + "/trusted", Identity.tokenFor("publisher"),
				Map.of("trusted", true));
		assertThat(trusted.statusCode()).as(trusted.body()).isEqualTo(200);
		PartnerCalls.createEndpoint(this.port, "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hooks",
				List.of(), List.of());
		this.publisher = new Api(this.port, "publisher");
		this.meeting = "msp-" + UUID.randomUUID().toString().substring(0, 8);
		Papers.ok(this.publisher.put("/api/publishing/v1/meetings", Papers.meeting(this.meeting)));
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	@Test
	void trustedPartnersHearFirstAndEveryoneElseAtPublicationUnderTheSameId() throws Exception {
		String cursor = pull(null).path("next").asString();
		String paper = Papers.cleared(this.publisher, "Cloud laboratories and the CWC " + UUID.randomUUID(),
				this.meeting);
		// Past the last moment an embargo can be recalled, and no longer.
		Instant at = Instant.now().plusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
		JsonNode scheduled = Papers.ok(schedule(paper, at, true));
		assertThat(scheduled.get("state").asString()).isEqualTo("SCHEDULED");
		assertThat(scheduled.get("seriesNumber").asInt()).as("the announcement carries it").isPositive();

		JsonNode announced = await().atMost(Duration.ofSeconds(30))
			.until(() -> delivery(PaperPublished.TYPE, paper), (found) -> found != null);
		String id = announced.path("id").asString();
		assertThat(announced.at("/data/embargo_until").asString()).isEqualTo(at.toString());
		assertThat(announced.at("/data/series").asString()).endsWith("No. " + scheduled.get("seriesNumber").asInt());
		assertThat(Instant.now()).isBefore(at);

		// Nobody else has it: not on bcs.public or the service's own topic, not in the
		// log or its feed, no page.
		assertThat(unpublishedTopics(id)).containsExactlyInAnyOrder("bcs.public", "bcs.publishing");
		assertThat(ids(pull(cursor))).doesNotContain(id);
		assertThat(feed()).doesNotContain(id);
		String slug = scheduled.get("slug").asString();
		assertThat(this.publisher.anonymous().get("/api/publishing/v1/papers/" + slug).status()).isEqualTo(404);
		// Publishing now would break the embargo.
		assertThat(this.publisher.post("/api/publishing/v1/papers/" + paper + "/publish").status()).isEqualTo(409);

		// At the scheduled time the paper goes up and the same id goes out everywhere,
		// once: no second announcement.
		await().atMost(Duration.ofSeconds(120)).until(() -> {
			this.papers.publishDue(10);
			return unpublishedTopics(id).isEmpty() && ids(pull(cursor)).contains(id);
		});
		assertThat(this.publisher.anonymous().get("/api/publishing/v1/papers/" + slug).status()).isEqualTo(200);
		assertThat(
				this.jdbc.sql("select topic, event_id from event_outbox where aggregate_id = :paper and type = :type")
					.param("paper", paper)
					.param("type", PaperPublished.TYPE)
					.query((rs, row) -> rs.getString("topic") + " " + rs.getString("event_id"))
					.list())
			.containsExactlyInAnyOrder("bcs.embargoed " + id, "bcs.public " + id, "bcs.publishing " + id);
		assertThat(feed()).contains("urn:uuid:" + id);
		assertThat(this.received.stream().filter((body) -> body.path("id").asString().equals(id)).count()).isEqualTo(1);
	}

	@Test
	void callingTheScheduleOffRecallsTheAnnouncementAndTellsWhoHadIt() throws Exception {
		String paper = Papers.cleared(this.publisher, "Benchtop synthesisers and the BWC " + UUID.randomUUID(),
				this.meeting);
		Papers.ok(schedule(paper, Instant.now().plus(10, ChronoUnit.MINUTES), true));
		JsonNode announced = await().atMost(Duration.ofSeconds(30))
			.until(() -> delivery(PaperPublished.TYPE, paper), (found) -> found != null);
		String id = announced.path("id").asString();

		JsonNode unscheduled = Papers.ok(this.publisher.post("/api/publishing/v1/papers/" + paper + "/unschedule"));
		assertThat(unscheduled.get("state").asString()).isEqualTo("CLEARED");
		JsonNode recall = await().atMost(Duration.ofSeconds(30))
			.until(() -> delivery(EmbargoRecalled.TYPE, paper), (found) -> found != null);
		assertThat(recall.at("/data/announcementId").asString()).isEqualTo(id);
		assertThat(this.jdbc.sql("select topic from event_outbox where event_id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.list()).containsExactly("bcs.embargoed");
		assertThat(this.jdbc.sql("select recalled_at is not null from partner_event where event_id = :id")
			.param("id", UUID.fromString(id))
			.query(Boolean.class)
			.single()).isTrue();

		// Published now instead, it is announced afresh, under a new id; the recalled one
		// never reaches the log.
		Papers.ok(this.publisher.post("/api/publishing/v1/papers/" + paper + "/publish"));
		JsonNode fresh = await().atMost(Duration.ofSeconds(30)).until(() -> {
			JsonNode found = delivery(PaperPublished.TYPE, paper);
			return (found != null && !found.path("id").asString().equals(id)) ? found : null;
		}, (found) -> found != null);
		assertThat(fresh.at("/data/embargo_until").isMissingNode()).isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> ids(pull(null)).contains(fresh.path("id").asString()));
		assertThat(ids(pull(null))).doesNotContain(id);
	}

	@Test
	void refusesEmbargoesThatCannotBeKept() {
		String paper = Papers.cleared(this.publisher, "Mirror life " + UUID.randomUUID(), this.meeting);
		Api.Response tooSoon = schedule(paper, Instant.now().plusSeconds(10), true);
		assertThat(tooSoon.status()).as(tooSoon.body()).isEqualTo(400);
		assertThat(tooSoon.json().at("/errors/0/field").asString()).isEqualTo("at");

		// Nothing was announced, and the paper can still be scheduled without one.
		assertThat(this.jdbc.sql("select count(*) from event_outbox where aggregate_id = :paper and type = :type")
			.param("paper", paper)
			.param("type", PaperPublished.TYPE)
			.query(Integer.class)
			.single()).isZero();
		Papers.ok(schedule(paper, Instant.now().plusSeconds(10), false));
	}

	private Api.Response schedule(String paper, Instant at, boolean embargo) {
		return this.publisher.post("/api/publishing/v1/papers/" + paper + "/schedule",
				Map.of("at", at.toString(), "embargo", embargo));
	}

	private JsonNode delivery(String type, String subject) {
		return this.received.stream()
			.filter((body) -> type.equals(body.path("type").asString())
					&& subject.equals(body.path("subject").asString()))
			.reduce((first, second) -> second)
			.orElse(null);
	}

	private List<String> unpublishedTopics(String id) {
		return this.jdbc.sql("select topic from event_outbox where event_id = :id and published_at is null")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.list();
	}

	private JsonNode pull(String after) throws Exception {
		return PartnerCalls.pull(this.port, after, null);
	}

	private static List<String> ids(JsonNode page) {
		return PartnerCalls.ids(page);
	}

	private String feed() throws Exception {
		return PartnerCalls.feed(this.port);
	}

}
