package org.biochemsec2030.publishing.partner;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.standardwebhooks.Webhook;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.biochemsec2030.platform.events.Outbox;
import org.biochemsec2030.platform.test.Engines;
import org.biochemsec2030.platform.test.Identity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.biochemsec2030.publishing.partner.PartnerCalls.Endpoint;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/**
 * Partner subscriptions against the real engines: events written to {@code bcs.public}
 * through the outbox travel through Kafka into the log and out to receivers on loopback,
 * whose signatures are checked by the Standard Webhooks project's own verifier.
 */
@PartnerServiceTest
class PartnerSubscriptionsIT {

	private static final String PAPER = PartnerCalls.PAPER;

	private static final JsonMapper JSON = PartnerCalls.JSON;

	@LocalServerPort
	int port;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	private final Map<String, List<Delivery>> received = new ConcurrentHashMap<>();

	private final CountDownLatch releaseDead = new CountDownLatch(1);

	private final AtomicInteger deadCalls = new AtomicInteger();

	private HttpServer receiver;

	private HttpServer late;

	record Delivery(String id, Map<String, List<String>> headers, String body) {
	}

	@BeforeEach
	void startReceiverAndRegisterThePartner() throws Exception {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		for (String path : List.of("/healthy", "/filtered")) {
			this.receiver.createContext(path, exchange -> accept(path, exchange));
		}
		this.receiver.createContext("/dead", exchange -> {
			this.deadCalls.incrementAndGet();
			try {
				this.releaseDead.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			answer(exchange, 503);
		});
		this.receiver.start();
		PartnerCalls.registerDemoPartner(this.jdbc, this.port, "webhooks@partner.example");
	}

	@AfterEach
	void stopReceivers() {
		this.releaseDead.countDown();
		this.receiver.stop(0);
		if (this.late != null) {
			this.late.stop(0);
		}
	}

	@Test
	void everySubscriberGetsWhatItAskedForSignedOnceItCanTakeItAndThePullLogAgrees() throws Exception {
		// The dead endpoint comes first, so one that was served before the others would
		// hold them up.
		Endpoint dead = create(local("/dead"), List.of(), List.of());
		Endpoint healthy = create(local("/healthy"), List.of(), List.of());
		Endpoint filtered = create(local("/filtered"), List.of("CWC"), List.of());
		int latePort = freePort();
		Endpoint down = create("http://127.0.0.1:" + latePort + "/late", List.of(), List.of());

		List<String> bwc = List.of(publish("BWC"), publish("BWC"), publish("BWC"));
		List<String> cwc = List.of(publish("CWC"), publish("CWC"));
		List<String> all = new ArrayList<>(bwc);
		all.addAll(cwc);

		// The healthy endpoint has everything while the dead one still holds its first
		// attempt.
		await().atMost(Duration.ofSeconds(60)).until(() -> ids("/healthy").containsAll(all));
		assertThat(this.deadCalls.get()).isPositive();
		assertThat(this.releaseDead.getCount()).isOne();
		for (Delivery delivery : this.received.get("/healthy")) {
			assertThatCode(() -> new Webhook(healthy.secret()).verify(delivery.body(), headers(delivery)))
				.doesNotThrowAnyException();
			assertThat(JSON.readTree(delivery.body()).path("id").asString()).isEqualTo(delivery.id());
		}

		// Filters: only the CWC papers, and nothing else was even queued for that
		// endpoint.
		await().atMost(Duration.ofSeconds(30)).until(() -> ids("/filtered").containsAll(cwc));
		assertThat(ids("/filtered")).containsExactlyInAnyOrderElementsOf(cwc);
		assertThat(this.jdbc.sql("select count(*) from partner_delivery where endpoint_id = :id")
			.param("id", filtered.id())
			.query(Integer.class)
			.single()).isEqualTo(2);

		// A receiver that was down gets every event once it is back.
		this.late = HttpServer.create(new InetSocketAddress("127.0.0.1", latePort), 0);
		this.late.createContext("/late", exchange -> accept("/late", exchange));
		this.late.start();
		await().atMost(Duration.ofSeconds(60)).until(() -> ids("/late").containsAll(all));
		assertThat(new HashSet<>(ids("/late"))).isEqualTo(new HashSet<>(all));
		assertThat(this.jdbc
			.sql("select count(*) from partner_attempt a join partner_delivery d on d.id = a.delivery_id"
					+ " where d.endpoint_id = :id and a.status = 0")
			.param("id", down.id())
			.query(Integer.class)
			.single()).as("failed attempts logged while it was down").isPositive();

		// The pull log and its feed carry the same ids as the webhooks, and so does
		// bcs.public.
		JsonNode page = JSON.readTree(call("GET", "/api/publishing/v1/events?types=" + PAPER, null, null).body());
		List<String> pulled = new ArrayList<>();
		page.path("items").forEach(item -> pulled.add(item.path("id").asString()));
		assertThat(pulled).containsAll(all);
		String feed = call("GET", "/api/publishing/v1/events/feed.atom", null, null).body();
		all.forEach(id -> assertThat(feed).contains("urn:uuid:" + id));
		assertThat(publicStreamIds(all)).containsAll(all);
	}

	@Test
	void aRotatedSecretSignsBesideTheOldOneAndARedeliveryComesAgainUnderItsId() throws Exception {
		Endpoint healthy = create(local("/healthy"), List.of(), List.of());
		String first = publish("BWC");
		await().atMost(Duration.ofSeconds(60)).until(() -> ids("/healthy").contains(first));

		HttpResponse<String> rotated = call("POST", "/api/publishing/partner/v1/endpoints/" + healthy.id() + "/secrets",
				Identity.partnerToken(), Map.of());
		assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
		String newSecret = JSON.readTree(rotated.body()).path("secret").asString();
		String second = publish("CWC");
		await().atMost(Duration.ofSeconds(60)).until(() -> ids("/healthy").contains(second));
		Delivery afterRotation = this.received.get("/healthy")
			.stream()
			.filter(d -> d.id().equals(second))
			.findFirst()
			.orElseThrow();
		assertThat(afterRotation.headers().get("Webhook-signature").get(0).split(" ")).hasSize(2);
		assertThatCode(() -> new Webhook(healthy.secret()).verify(afterRotation.body(), headers(afterRotation)))
			.doesNotThrowAnyException();
		assertThatCode(() -> new Webhook(newSecret).verify(afterRotation.body(), headers(afterRotation)))
			.doesNotThrowAnyException();

		HttpResponse<String> redelivery = call("POST",
				"/api/publishing/partner/v1/endpoints/" + healthy.id() + "/redeliveries", Identity.partnerToken(),
				Map.of("eventId", first));
		assertThat(redelivery.statusCode()).as(redelivery.body()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(60)).until(() -> ids("/healthy").stream().filter(first::equals).count() == 2);
	}

	@Test
	void anEndpointAtAPrivateAddressIsRefusedWithWhatToDo() throws Exception {
		for (String address : List.of("http://10.1.2.3/hooks", "http://169.254.169.254/latest", "ftp://x.example/")) {
			HttpResponse<String> refused = call("POST", "/api/publishing/partner/v1/endpoints", Identity.partnerToken(),
					Map.of("url", address));
			assertThat(refused.statusCode()).as(address).isEqualTo(400);
			JsonNode problem = JSON.readTree(refused.body());
			assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("url");
			assertThat(problem.path("errors").get(0).path("message").asString()).isNotBlank();
		}
		HttpResponse<String> badFilter = call("POST", "/api/publishing/partner/v1/endpoints", Identity.partnerToken(),
				Map.of("url", local("/healthy"), "regimes", List.of("NPT"), "types", List.of("papers")));
		assertThat(badFilter.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(badFilter.body()).path("errors")).hasSize(2);
		assertThat(call("GET", "/api/publishing/v1/events?after=yesterday", null, null).statusCode()).isEqualTo(400);
		assertThat(call("GET", "/api/publishing/partner/v1/endpoints", null, null).statusCode()).isEqualTo(401);
	}

	private Endpoint create(String url, List<String> regimes, List<String> topics) throws Exception {
		return PartnerCalls.createEndpoint(this.port, url, regimes, topics);
	}

	private String publish(String regime) {
		return PartnerCalls.publish(this.outbox, this.transactions, regime, Map.of());
	}

	private List<String> publicStreamIds(List<String> wanted) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.kafka().getBootstrapServers());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "partner-it-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<String> ids = new CopyOnWriteArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of("bcs.public"));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach(record -> {
					Header id = record.headers().lastHeader("ce_id");
					if (id != null) {
						ids.add(new String(id.value(), StandardCharsets.UTF_8));
					}
				});
				return ids.containsAll(wanted);
			});
		}
		return ids;
	}

	private List<String> ids(String path) {
		return this.received.getOrDefault(path, List.of()).stream().map(Delivery::id).toList();
	}

	private void accept(String path, HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String id = exchange.getRequestHeaders().getFirst("webhook-id");
		this.received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
			.add(new Delivery(id, Map.copyOf(exchange.getRequestHeaders()), body));
		answer(exchange, 204);
	}

	private static void answer(HttpExchange exchange, int status) throws IOException {
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	private static HttpHeaders headers(Delivery delivery) {
		Map<String, List<String>> lower = new HashMap<>();
		delivery.headers().forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), values));
		return HttpHeaders.of(lower, (name, value) -> true);
	}

	private String local(String path) {
		return "http://127.0.0.1:" + this.receiver.getAddress().getPort() + path;
	}

	private HttpResponse<String> call(String method, String path, String token, Object body) throws Exception {
		return PartnerCalls.call(this.port, method, path, token, body);
	}

	private static int freePort() throws IOException {
		return PartnerCalls.freePort();
	}

}
