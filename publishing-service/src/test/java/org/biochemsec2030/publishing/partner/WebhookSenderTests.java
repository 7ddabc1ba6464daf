package org.biochemsec2030.publishing.partner;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.biochemsec2030.platform.security.outbound.AddressPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Attempts against a receiver on loopback, the one kind of address these tests may call.
 */
class WebhookSenderTests {

	private static final byte[] BODY = "{\"specversion\":\"1.0\",\"id\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);

	private final SigningSecret secret = SigningSecret.generate(new SecureRandom());

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private HttpServer receiver;

	private WebhookSender sender;

	record Received(Map<String, List<String>> headers, String body) {
	}

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.receiver.createContext("/ok", exchange -> {
			record(exchange);
			answer(exchange, 204, "");
		});
		this.receiver.createContext("/moved", exchange -> {
			exchange.getResponseHeaders().add("Location", address("/ok").toString());
			answer(exchange, 302, "");
		});
		this.receiver.createContext("/broken", exchange -> answer(exchange, 500, "x".repeat(5000)));
		this.receiver.createContext("/slow", exchange -> {
			try {
				this.release.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			answer(exchange, 200, "late");
		});
		this.receiver.start();
		this.sender = new WebhookSender(new AddressPolicy(true, List.of("127.0.0.0/8")), Duration.ofSeconds(10), 10,
				Clock.systemUTC());
	}

	@AfterEach
	void stop() throws IOException {
		this.release.countDown();
		this.sender.close();
		this.receiver.stop(0);
	}

	@Test
	void aDeliveryCarriesTheStandardWebhooksHeadersAndVerifies() throws Exception {
		WebhookSender.Attempt attempt = this.sender.send(address("/ok"), "e-1", BODY, List.of(this.secret));

		assertThat(attempt.delivered()).isTrue();
		assertThat(attempt.status()).isEqualTo(204);
		Received got = this.received.poll(5, TimeUnit.SECONDS);
		assertThat(got).isNotNull();
		assertThat(got.headers().get("Webhook-id")).containsExactly("e-1");
		assertThat(got.headers().get("Content-type").get(0)).startsWith("application/cloudevents+json");
		HttpHeaders headers = HttpHeaders.of(lowerCased(got.headers()), (name, value) -> true);
		assertThatCode(() -> new Webhook(this.secret.value()).verify(got.body(), headers)).doesNotThrowAnyException();
	}

	@Test
	void aRedirectIsNotFollowedAndCountsAsAFailure() {
		WebhookSender.Attempt attempt = this.sender.send(address("/moved"), "e-2", BODY, List.of(this.secret));

		assertThat(attempt.status()).isEqualTo(302);
		assertThat(attempt.delivered()).isFalse();
		assertThat(this.received).isEmpty();
	}

	@Test
	void aFailureKeepsOnlyAnExcerptOfTheAnswer() {
		WebhookSender.Attempt attempt = this.sender.send(address("/broken"), "e-3", BODY, List.of(this.secret));

		assertThat(attempt.status()).isEqualTo(500);
		assertThat(attempt.excerpt()).hasSize(WebhookSender.EXCERPT_BYTES);
	}

	@Test
	void aSlowEndpointIsGivenUpAtTheDeadline() throws IOException {
		WebhookSender.Attempt attempt;
		try (WebhookSender impatient = new WebhookSender(new AddressPolicy(true, List.of("127.0.0.0/8")),
				Duration.ofMillis(500), 2, Clock.systemUTC())) {
			attempt = impatient.send(address("/slow"), "e-4", BODY, List.of(this.secret));
		}

		assertThat(attempt.delivered()).isFalse();
		assertThat(attempt.status()).isZero();
		assertThat(attempt.error()).isNotBlank();
	}

	@Test
	void aNameResolvingToAPrivateAddressIsNotCalledWhenPolicyRefusesIt() throws IOException {
		try (WebhookSender strict = new WebhookSender(new AddressPolicy(true, List.of()), Duration.ofSeconds(2), 2,
				Clock.systemUTC())) {
			URI viaName = URI.create("http://localhost:" + this.receiver.getAddress().getPort() + "/ok");
			WebhookSender.Attempt attempt = strict.send(viaName, "e-5", BODY, List.of(this.secret));

			assertThat(attempt.delivered()).isFalse();
			assertThat(attempt.error()).contains("loopback");
			assertThat(this.received).isEmpty();
		}
	}

	private URI address(String path) {
		return URI.create("http://127.0.0.1:" + this.receiver.getAddress().getPort() + path);
	}

	private void record(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

	private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
		Map<String, List<String>> result = new java.util.HashMap<>();
		headers.forEach((name, values) -> result.put(name.toLowerCase(java.util.Locale.ROOT), values));
		return result;
	}

}
