package org.biochemsec2030.publishing.partner;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import org.biochemsec2030.platform.events.Outbox;
import org.biochemsec2030.platform.test.Identity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Embargoes at the seam: events with {@code embargo_until} come through Kafka into the
 * log; a trusted partner's receiver gets them at once, an untrusted one and the public
 * pull log and feed only once the embargo has ended.
 */
@PartnerServiceTest
class PartnerEmbargoIT {

	@LocalServerPort
	int port;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	/** When each event first reached the receiver. */
	private final Map<String, Instant> received = new ConcurrentHashMap<>();

	private HttpServer receiver;

	@BeforeEach
	void startReceiver() throws Exception {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.receiver.createContext("/hooks", exchange -> {
			Instant now = Instant.now();
			exchange.getRequestBody().readAllBytes();
			this.received.putIfAbsent(exchange.getRequestHeaders().getFirst("webhook-id"), now);
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	@Test
	void embargoedEventsReachTrustedPartnersAtOnceAndEveryoneElseWhenTheEmbargoEnds() throws Exception {
		UUID partner = PartnerCalls.registerDemoPartner(this.jdbc, this.port, "webhooks@partner.example");
		PartnerCalls.createEndpoint(this.port, "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hooks",
				List.of(), List.of());
		String open = publish(Map.of());
		await().atMost(Duration.ofSeconds(60)).until(() -> this.received.containsKey(open));
		// A reader who is up to date before the embargoed events come.
		String cursor = pull(null).path("next").asString();

		Instant later = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		Instant soon = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.MILLIS);
		String held = publish(Map.of("embargo_until", later.toString()));
		String short_ = publish(Map.of("embargo_until", soon.toString()));

		// The partner is not trusted: the short embargo reaches it only once it ends,
		// and then the public log and feed show it too, after the reader's cursor.
		await().atMost(Duration.ofSeconds(90)).until(() -> this.received.containsKey(short_));
		assertThat(this.received.get(short_)).isAfterOrEqualTo(soon);
		await().atMost(Duration.ofSeconds(30)).until(() -> ids(pull(cursor)).contains(short_));
		assertThat(feed()).contains("urn:uuid:" + short_);

		// The long one is logged, queued for the embargo's end, and shown to no one.
		assertThat(this.jdbc
			.sql("select d.status, d.next_attempt_at from partner_delivery d join partner_event e"
					+ " on e.seq = d.event_seq where e.event_id = :id")
			.param("id", UUID.fromString(held))
			.query((rs, row) -> rs.getString("status") + " " + rs.getTimestamp("next_attempt_at").toInstant())
			.single()).isEqualTo("pending " + later);
		assertThat(this.received).doesNotContainKey(held);
		assertThat(ids(pull(null))).contains(open, short_).doesNotContain(held);
		assertThat(feed()).doesNotContain(held);

		// Trusted from now on, the partner gets a new embargoed event at once; the
		// public still does not see it, and what was held before trust stays held.
		HttpResponse<String> trusted = PartnerCalls.call(this.port, "PUT",
				"/api/publishing/v1/partners/" + partner + "/trusted", Identity.tokenFor("publisher"),
				Map.of("trusted", true));
		assertThat(trusted.statusCode()).as(trusted.body()).isEqualTo(200);
		assertThat(PartnerCalls.JSON.readTree(trusted.body()).path("trusted").asBoolean()).isTrue();
		String early = publish(Map.of("embargo_until", later.toString()));
		await().atMost(Duration.ofSeconds(60)).until(() -> this.received.containsKey(early));
		assertThat(this.received.get(early)).isBefore(later);
		assertThat(ids(pull(null))).doesNotContain(early, held);
		assertThat(feed()).doesNotContain(early);
		assertThat(this.received).doesNotContainKey(held);
		assertThat(this.jdbc.sql("select embargo_until from partner_event where event_id = :id")
			.param("id", UUID.fromString(early))
			.query(Timestamp.class)
			.single()
			.toInstant()).isEqualTo(later);
	}

	@Test
	void onlyPublishersAndAdminsSayWhoIsTrusted() throws Exception {
		UUID partner = PartnerCalls.registerDemoPartner(this.jdbc, this.port, "webhooks@partner.example");
		String path = "/api/publishing/v1/partners/" + partner + "/trusted";
		assertThat(PartnerCalls.call(this.port, "PUT", path, Identity.partnerToken(), Map.of("trusted", true))
			.statusCode()).isEqualTo(403);
		HttpResponse<String> missing = PartnerCalls.call(this.port, "PUT", path, Identity.tokenFor("admin"), Map.of());
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(PartnerCalls.JSON.readTree(missing.body()).path("errors").get(0).path("field").asString())
			.isEqualTo("trusted");
		assertThat(PartnerCalls
			.call(this.port, "PUT", "/api/publishing/v1/partners/" + UUID.randomUUID() + "/trusted",
					Identity.tokenFor("admin"), Map.of("trusted", true))
			.statusCode()).isEqualTo(404);
	}

	private String publish(Map<String, Object> extra) {
		return PartnerCalls.publish(this.outbox, this.transactions, "BWC", extra);
	}

	private JsonNode pull(String after) throws Exception {
		return PartnerCalls.pull(this.port, after, PartnerCalls.PAPER);
	}

	private static List<String> ids(JsonNode page) {
		return PartnerCalls.ids(page);
	}

	private String feed() throws Exception {
		return PartnerCalls.feed(this.port);
	}

}
