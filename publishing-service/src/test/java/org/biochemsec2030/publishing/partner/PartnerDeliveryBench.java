package org.biochemsec2030.publishing.partner;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.biochemsec2030.platform.events.Outbox;
import org.biochemsec2030.platform.test.RealEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Partner webhooks, timed: (a) from the commit of a public event to the first delivery
 * attempt reaching a receiver on loopback (the outbox relay, Kafka, this service's
 * consumer of {@code bcs.public}, the log, the delivery worker, the HTTP request), one
 * event at a time, to one endpoint and then to 100; (b) deliveries per second to 100
 * endpoints, each its own receiver, from a burst of events; and beside (b) the same
 * number of signed POSTs sent straight by the webhook client to the same receivers, the
 * ceiling without the database. Real PostgreSQL and Kafka; delivery settings as in
 * production. Not part of the build: run it as bench/README.md says. It asserts nothing
 * about time.
 */
@RealEngines
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bcs.partners.plain-http-allowed=true", "bcs.partners.allowed-networks=127.0.0.0/8",
				"logging.level.root=warn" })
// A bench runs as long as it has work; the build's default test timeout is for tests.
@Timeout(value = 3, unit = TimeUnit.HOURS)
class PartnerDeliveryBench {

	private static final String PAPER = "org.biochemsec2030.publishing.paper.published.v1";

	private static final int WARM_UP = Integer.getInteger("bench.warmUp", 30);

	private static final int EVENTS = Integer.getInteger("bench.events", 300);

	private static final int FAN_OUT_EVENTS = Integer.getInteger("bench.fanOutEvents", 50);

	private static final int ENDPOINTS = Integer.getInteger("bench.endpoints", 100);

	private static final int BURST = Integer.getInteger("bench.burst", 100);

	/** A random pause between events, so they do not fall into step with any poll. */
	private static final int MAX_PAUSE_MILLIS = Integer.getInteger("bench.maxPauseMillis", 150);

	private static final long TIMEOUT_NANOS = Duration.ofSeconds(120).toNanos();

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PartnerEndpoints endpoints;

	@Autowired
	PartnerProperties properties;

	private final List<HttpServer> receivers = new ArrayList<>();

	/** First arrival of each event at each receiver, by "receiver/event id". */
	private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

	@AfterEach
	void stopReceivers() {
		this.receivers.forEach(server -> server.stop(0));
		SecurityContextHolder.clearContext();
	}

	@Test
	void publishedToFirstAttemptAndDeliveriesPerSecond() throws Exception {
		this.jdbc.sql("delete from partner").update();
		this.jdbc.sql("delete from partner_event").update();
		actAsPublisher();
		for (int i = 0; i < ENDPOINTS; i++) {
			this.receivers.add(receiver(i));
		}
		List<UUID> partners = new ArrayList<>();
		for (int i = 0; i < (ENDPOINTS + 19) / 20; i++) {
			partners.add(this.endpoints
				.register(new PartnerEndpoints.PartnerRequest("Bench partner " + i, "bench@partner.example",
						"bench-" + i, false))
				.id());
		}
		subscribe(partners, 0);
		StringBuilder report = new StringBuilder();
		report.append(String.format("partner webhooks bench, %s, %d cores%n", Instant.now(),
				Runtime.getRuntime().availableProcessors()));

		for (int i = 0; i < WARM_UP; i++) {
			once(1);
		}
		report.append(latency("(a) published -> first attempt, 1 endpoint", EVENTS, 1));

		for (int i = 1; i < ENDPOINTS; i++) {
			subscribe(partners, i);
		}
		report
			.append(latency("(a) published -> first attempt, " + ENDPOINTS + " endpoints", FAN_OUT_EVENTS, ENDPOINTS));
		report.append(burst());
		report.append(straight());

		System.out.print(report);
		Path out = Path.of("target", "bench", "partner-deliveries.txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
	}

	/**
	 * Events one at a time: each waited for at every endpoint before the next. Per event:
	 * the time to its first attempt at each endpoint; how long it took to be in the log
	 * (relay, Kafka, consumer) from the logged time, which shares the clock.
	 */
	private String latency(String what, int events, int endpoints) {
		long[] first = new long[events * endpoints];
		long[] last = new long[events];
		long[] logged = new long[events];
		for (int i = 0; i < events; i++) {
			long[] one = once(endpoints);
			System.arraycopy(one, 2, first, i * endpoints, endpoints);
			last[i] = one[0];
			logged[i] = one[1];
		}
		return String.format(
				"%s: %d events (one at a time, pauses up to %d ms): first attempt p50 %.1f ms, p90 %.1f ms,"
						+ " p99 %.1f ms, max %.1f ms; in the log after p50 %.1f ms, p99 %.1f ms%s%n",
				what, events, MAX_PAUSE_MILLIS, percentile(first, 50), percentile(first, 90), percentile(first, 99),
				percentile(first, 100), percentile(logged, 50), percentile(logged, 99),
				(endpoints > 1) ? String.format("; at every endpoint after p50 %.1f ms, p99 %.1f ms",
						percentile(last, 50), percentile(last, 99)) : "");
	}

	/**
	 * One event, waited for at the first {@code endpoints} receivers: the time until the
	 * last of them, until it was logged, and to each receiver, in microseconds.
	 */
	private long[] once(int endpoints) {
		pause(ThreadLocalRandom.current().nextInt(MAX_PAUSE_MILLIS + 1));
		Instant wall = Instant.now();
		long start = System.nanoTime();
		String id = publish();
		long[] result = new long[endpoints + 2];
		long latest = 0;
		for (int r = 0; r < endpoints; r++) {
			long arrived = awaitArrival(r, id, start);
			result[r + 2] = (arrived - start) / 1000;
			latest = Math.max(latest, result[r + 2]);
		}
		result[0] = latest;
		Timestamp loggedAt = this.jdbc.sql("select logged_at from partner_event where event_id = :id")
			.param("id", UUID.fromString(id))
			.query(Timestamp.class)
			.single();
		result[1] = Duration.between(wall, loggedAt.toInstant()).toNanos() / 1000;
		return result;
	}

	/** Many events committed as fast as one thread can, each to every endpoint. */
	private String burst() {
		long[] first = new long[BURST * ENDPOINTS];
		long[] committed = new long[BURST];
		List<String> ids = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < BURST; i++) {
			ids.add(publish());
			committed[i] = System.nanoTime();
		}
		long published = System.nanoTime();
		long end = 0;
		for (int e = 0; e < BURST; e++) {
			for (int r = 0; r < ENDPOINTS; r++) {
				long arrived = awaitArrival(r, ids.get(e), start);
				first[e * ENDPOINTS + r] = (arrived - committed[e]) / 1000;
				end = Math.max(end, arrived);
			}
		}
		double seconds = (end - start) / 1e9;
		int deliveries = BURST * ENDPOINTS;
		return String.format(
				"(b) %d events committed in %.2f s to %d endpoints: %d deliveries in %.2f s = %.0f deliveries/s;"
						+ " commit -> first attempt under this load p50 %.0f ms, p99 %.0f ms%n",
				BURST, (published - start) / 1e9, ENDPOINTS, deliveries, seconds, deliveries / seconds,
				percentile(first, 50), percentile(first, 99));
	}

	/**
	 * The reference for (b): the same signed POSTs through the same client to the same
	 * receivers, one thread per endpoint sending one after another as a worker does, with
	 * no database, no Kafka and no lease.
	 */
	private String straight() throws Exception {
		List<SigningSecret> secrets = List.of(SigningSecret.generate(new java.security.SecureRandom()));
		byte[] body = "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"bench\",\"data\":{}}"
			.getBytes(StandardCharsets.UTF_8);
		try (WebhookSender sender = new WebhookSender(this.properties.policy(), this.properties.deliveryDeadline(),
				this.properties.maxConnections(), Clock.systemUTC());
				ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			long start = System.nanoTime();
			List<Future<Integer>> sent = new ArrayList<>();
			for (HttpServer receiver : this.receivers) {
				URI uri = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
				sent.add(threads.submit(() -> {
					int ok = 0;
					for (int i = 0; i < BURST; i++) {
						ok += sender.send(uri, UUID.randomUUID().toString(), body, secrets).delivered() ? 1 : 0;
					}
					return ok;
				}));
			}
			int delivered = 0;
			for (Future<Integer> one : sent) {
				delivered += one.get();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			return String.format(
					"(b) reference, the webhook client alone: %d of %d POSTs answered 2xx in %.2f s ="
							+ " %.0f POSTs/s%n",
					delivered, BURST * this.receivers.size(), seconds, delivered / seconds);
		}
	}

	private String publish() {
		String paper = UUID.randomUUID().toString();
		Map<String, Object> data = Map.of("paperId", paper, "title", "Bench " + paper, "summary", "A paper", "url",
				"/papers/" + paper, "series", 7, "topics", List.of("genome-editing"), "regimes", List.of("BWC"),
				"publishedAt", "2026-12-01T10:00:00Z");
		return this.transactions.execute(status -> this.outbox.append("bcs.public", PAPER, paper, data)).toString();
	}

	private long awaitArrival(int receiver, String id, long start) {
		String key = receiver + "/" + id;
		while (true) {
			Long arrived = this.arrivals.get(key);
			if (arrived != null) {
				return arrived;
			}
			if (System.nanoTime() - start > TIMEOUT_NANOS) {
				throw new IllegalStateException("event " + id + " did not reach receiver " + receiver);
			}
			pause(1);
		}
	}

	private void subscribe(List<UUID> partners, int receiver) {
		String url = "http://127.0.0.1:" + this.receivers.get(receiver).getAddress().getPort() + "/hook";
		this.endpoints.create(partners.get(receiver / 20),
				new PartnerEndpoints.EndpointRequest(url, "bench " + receiver, List.of(), List.of(), List.of(), null));
	}

	private HttpServer receiver(int index) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/hook", exchange -> {
			long now = System.nanoTime();
			exchange.getRequestBody().readAllBytes();
			String id = exchange.getRequestHeaders().getFirst("webhook-id");
			if (id != null) {
				this.arrivals.putIfAbsent(index + "/" + id, now);
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		return server;
	}

	/**
	 * Registration is audited under the acting user, as a publisher's request would be.
	 */
	private static void actAsPublisher() {
		Jwt jwt = Jwt.withTokenValue("bench")
			.header("alg", "none")
			.subject("bench")
			.claim("preferred_username", "bench")
			.claim("realm_access", Map.of("roles", List.of("publisher")))
			.build();
		SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static double percentile(long[] values, int p) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
	}

}
