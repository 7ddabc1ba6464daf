package org.biochemsec2030.publishing.partner;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.biochemsec2030.contracts.EventType;
import org.biochemsec2030.contracts.tracker.TrackerEvents;
import org.biochemsec2030.contracts.tracker.WatchlistMatched;
import org.biochemsec2030.platform.test.Engines;
import org.biochemsec2030.platform.test.Identity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/**
 * Tracker's watchlist alerts at the seam: alerts put on {@code bcs.tracker} as
 * tracker-service's relay puts them (CloudEvents in binary mode, the contract's golden
 * sample as data) come through Kafka into the log; a partner's alert reaches that partner
 * by webhook and in its own pull log, once, and no other partner or public reader ever
 * sees it.
 */
@PartnerServiceTest
class PartnerWatchlistAlertsIT {

	private static final JsonMapper JSON = PartnerCalls.JSON;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** What each receiver path was sent, in order. */
	private final Map<String, List<Delivery>> received = new ConcurrentHashMap<>();

	private HttpServer receiver;

	private UUID partnerA;

	private UUID partnerB;

	record Delivery(String id, Map<String, List<String>> headers, String body) {
	}

	@BeforeEach
	void startReceiverAndRegisterTwoPartners() throws Exception {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		for (String path : List.of("/a", "/a-papers", "/b")) {
			this.receiver.createContext(path, exchange -> accept(path, exchange));
		}
		this.receiver.start();
		this.partnerA = PartnerCalls.registerDemoPartner(this.jdbc, this.port, "webhooks@partner-a.example");
		HttpResponse<String> registered = PartnerCalls.call(this.port, "POST", "/api/publishing/v1/partners",
				Identity.tokenFor("publisher"), Map.of("name", "Second Partner", "contactEmail",
						"webhooks@partner-b.example", "clientId", Identity.OTHER_PARTNER_CLIENT));
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		this.partnerB = UUID.fromString(JSON.readTree(registered.body()).path("id").asString());
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	@Test
	void aPartnersAlertReachesThatPartnerAloneOnceByWebhookAndInItsPullLog() throws Exception {
		String secretA = endpoint(Identity.partnerToken(), "/a", List.of());
		endpoint(Identity.partnerToken(), "/a-papers", List.of(PartnerCalls.PAPER));
		endpoint(Identity.otherPartnerToken(), "/b", List.of());
		String publicCursor = PartnerCalls.pull(this.port, null, null).path("next").asString();
		String cursorA = pull(Identity.partnerToken(), null).path("next").asString();
		String cursorB = pull(Identity.otherPartnerToken(), null).path("next").asString();

		// One watchlist's alerts share its key, so they come in this order: A's alert
		// twice under one id, a member's alert (owner id A's, but a member's), one for
		// a partner no one registered, and last A's second alert. Once the last is
		// logged every one before it has been handled.
		String watchlist = UUID.randomUUID().toString();
		Map<String, Object> forA = golden(watchlist, "partner", this.partnerA.toString());
		String alert = UUID.randomUUID().toString();
		send(alert, watchlist, forA);
		send(alert, watchlist, forA);
		String member = UUID.randomUUID().toString();
		send(member, watchlist, golden(watchlist, "member", this.partnerA.toString()));
		String unknown = UUID.randomUUID().toString();
		send(unknown, watchlist, golden(watchlist, "partner", UUID.randomUUID().toString()));
		String last = UUID.randomUUID().toString();
		send(last, watchlist, golden(watchlist, "partner", this.partnerA.toString()));

		await().atMost(Duration.ofSeconds(90)).until(() -> ids("/a").contains(last));
		await().atMost(Duration.ofSeconds(30)).until(() -> delivered(alert, "/a") == 1);

		// A: its alert once, signed, the CloudEvent with the contract's data as sent.
		assertThat(ids("/a")).containsExactly(alert, last);
		Delivery delivery = this.received.get("/a").get(0);
		assertThatCode(() -> new Webhook(secretA).verify(delivery.body(), headers(delivery)))
			.doesNotThrowAnyException();
		JsonNode event = JSON.readTree(delivery.body());
		assertThat(event.path("id").asString()).isEqualTo(alert);
		assertThat(event.path("type").asString()).isEqualTo(WatchlistMatched.TYPE);
		assertThat(event.path("source").asString()).isEqualTo("/tracker-service");
		assertThat(event.path("subject").asString()).isEqualTo(watchlist);
		assertThat(event.path("data")).isEqualTo(JSON.valueToTree(forA));
		// A's endpoint that takes papers only filtered the alerts out.
		assertThat(deliveriesTo("/a-papers")).isZero();

		// A's pull log lists both its alerts after its cursor, and its feed too.
		assertThat(PartnerCalls.ids(pull(Identity.partnerToken(), cursorA))).containsExactly(alert, last);
		assertThat(partnerFeed(Identity.partnerToken())).contains("urn:uuid:" + alert);

		// B: nothing was ever queued for it, so nothing was sent; not in its pull log or
		// feed, and asking for it by id finds nothing.
		assertThat(deliveriesTo("/b")).isZero();
		assertThat(this.received.get("/b")).isNull();
		assertThat(PartnerCalls.ids(pull(Identity.otherPartnerToken(), cursorB))).doesNotContain(alert, last);
		assertThat(partnerFeed(Identity.otherPartnerToken())).doesNotContain(alert);
		UUID endpointB = UUID.fromString(JSON.readTree(PartnerCalls
			.call(this.port, "GET", "/api/publishing/partner/v1/endpoints", Identity.otherPartnerToken(), null)
			.body()).path("items").get(0).path("id").asString());
		HttpResponse<String> byId = PartnerCalls.call(this.port, "POST",
				"/api/publishing/partner/v1/endpoints/" + endpointB + "/redeliveries", Identity.otherPartnerToken(),
				Map.of("eventId", alert));
		assertThat(byId.statusCode()).as(byId.body()).isEqualTo(404);
		assertThat(deliveriesTo("/b")).isZero();

		// The public: neither in the pull log nor in its feed.
		assertThat(PartnerCalls.ids(PartnerCalls.pull(this.port, publicCursor, null))).doesNotContain(alert, last);
		assertThat(PartnerCalls.feed(this.port)).doesNotContain(alert);

		// The member's alert and the one for no partner are logged nowhere.
		assertThat(this.jdbc.sql("select count(*) from partner_event where event_id in (:ids)")
			.param("ids", List.of(UUID.fromString(member), UUID.fromString(unknown)))
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from event_inbox where consumer = :group and event_id in (:ids)")
			.param("group", PartnerConfiguration.ALERTS_GROUP)
			.param("ids", List.of(member, unknown))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void onlyRegisteredPartnersHaveAPullLogOfTheirOwn() throws Exception {
		assertThat(PartnerCalls.call(this.port, "GET", "/api/publishing/partner/v1/events", null, null).statusCode())
			.isEqualTo(401);
		assertThat(PartnerCalls
			.call(this.port, "GET", "/api/publishing/partner/v1/events", Identity.tokenFor("publisher"), null)
			.statusCode()).isEqualTo(403);
		this.jdbc.sql("delete from partner where id = :id").param("id", this.partnerB).update();
		HttpResponse<String> unregistered = PartnerCalls.call(this.port, "GET", "/api/publishing/partner/v1/events",
				Identity.otherPartnerToken(), null);
		assertThat(unregistered.statusCode()).as(unregistered.body()).isEqualTo(403);
		HttpResponse<String> badCursor = PartnerCalls.call(this.port, "GET",
				"/api/publishing/partner/v1/events?after=yesterday", Identity.partnerToken(), null);
		assertThat(badCursor.statusCode()).isEqualTo(400);
		assertThat(badCursor.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
	}

	private String endpoint(String token, String path, List<String> types) throws Exception {
		HttpResponse<String> created = PartnerCalls.call(this.port, "POST", "/api/publishing/partner/v1/endpoints",
				token,
				Map.of("url", "http://127.0.0.1:" + this.receiver.getAddress().getPort() + path, "types", types));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JSON.readTree(created.body()).path("secret").asString();
	}

	private JsonNode pull(String token, String after) throws Exception {
		HttpResponse<String> page = PartnerCalls.call(this.port, "GET",
				"/api/publishing/partner/v1/events?limit=500" + ((after != null) ? "&after=" + after : ""), token,
				null);
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		return JSON.readTree(page.body());
	}

	private String partnerFeed(String token) throws Exception {
		HttpResponse<String> feed = PartnerCalls.call(this.port, "GET", "/api/publishing/partner/v1/events/feed.atom",
				token, null);
		assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
		return feed.body();
	}

	/** How many deliveries were ever queued for the endpoint at a receiver path. */
	private long deliveriesTo(String path) {
		return this.jdbc
			.sql("select count(*) from partner_delivery d join partner_endpoint p on p.id = d.endpoint_id"
					+ " where p.url like :url")
			.param("url", "%" + this.receiver.getAddress().getPort() + path)
			.query(Long.class)
			.single();
	}

	/** Deliveries of an event made (answered 2xx) to the endpoint at a receiver path. */
	private long delivered(String eventId, String path) {
		return this.jdbc
			.sql("select count(*) from partner_delivery d join partner_event e on e.seq = d.event_seq"
					+ " join partner_endpoint p on p.id = d.endpoint_id"
					+ " where e.event_id = :id and d.status = 'delivered' and p.url like :url")
			.param("id", UUID.fromString(eventId))
			.param("url", "%" + this.receiver.getAddress().getPort() + path)
			.query(Long.class)
			.single();
	}

	private List<String> ids(String path) {
		return this.received.getOrDefault(path, List.of()).stream().map(Delivery::id).toList();
	}

	/** The contract's golden sample, for one watchlist and owner. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> golden(String watchlist, String ownerKind, String ownerId) throws IOException {
		EventType type = TrackerEvents.ALL.stream()
			.filter(t -> t.type().equals(WatchlistMatched.TYPE))
			.findFirst()
			.orElseThrow();
		try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.goldenResource())) {
			Map<String, Object> data = new LinkedHashMap<>(JSON.readValue(in.readAllBytes(), Map.class));
			data.put("watchlistId", watchlist);
			data.put("ownerKind", ownerKind);
			data.put("ownerId", ownerId);
			data.put("fields", List.of("genome-editing"));
			return data;
		}
	}

	/**
	 * An alert as tracker-service's outbox relay puts it on its topic: CloudEvents in
	 * binary mode, keyed by the watchlist.
	 */
	private static void send(String eventId, String watchlist, Map<String, Object> data) {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.kafka().getBootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(TrackerEvents.TOPIC, watchlist,
					JSON.writeValueAsBytes(data));
			Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_source", "/tracker-service", "ce_type",
					WatchlistMatched.TYPE, "ce_subject", watchlist, "ce_time", "2026-12-02T16:45:01Z", "content-type",
					"application/json")
				.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void accept(String path, HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
			.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"),
					Map.copyOf(exchange.getRequestHeaders()), body));
		exchange.sendResponseHeaders(204, -1);
		exchange.close();
	}

	private static HttpHeaders headers(Delivery delivery) {
		Map<String, List<String>> lower = new HashMap<>();
		delivery.headers().forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), values));
		return HttpHeaders.of(lower, (name, value) -> true);
	}

}
