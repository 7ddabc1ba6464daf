package org.biochemsec2030.publishing.partner;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.platform.events.Outbox;
import org.biochemsec2030.platform.test.Identity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the partner integration tests do as a publisher, a partner or another service of
 * the suite would: calls over HTTP with real tokens, and public events written through
 * the outbox.
 */
final class PartnerCalls {

	static final String PAPER = "org.biochemsec2030.publishing.paper.published.v1";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private PartnerCalls() {
	}

	record Endpoint(UUID id, String secret) {
	}

	/** No partner but the demo client's, registered by a publisher with this contact. */
	static UUID registerDemoPartner(JdbcClient jdbc, int port, String contactEmail) throws Exception {
		jdbc.sql("delete from partner").update();
		HttpResponse<String> registered = call(port, "POST", "/api/publishing/v1/partners",
				Identity.tokenFor("publisher"),
				Map.of("name", "Demo Partner", "contactEmail", contactEmail, "clientId", "partner-demo"));
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		return UUID.fromString(JSON.readTree(registered.body()).path("id").asString());
	}

	static Endpoint createEndpoint(int port, String url, List<String> regimes, List<String> topics) throws Exception {
		HttpResponse<String> created = call(port, "POST", "/api/publishing/partner/v1/endpoints",
				Identity.partnerToken(), Map.of("url", url, "regimes", regimes, "topics", topics));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode body = JSON.readTree(created.body());
		return new Endpoint(UUID.fromString(body.path("endpoint").path("id").asString()),
				body.path("secret").asString());
	}

	/**
	 * A paper published in another part of the suite: the outbox is the only way out.
	 * {@code extra} adds to or replaces fields of the event's data.
	 */
	static String publish(Outbox outbox, TransactionTemplate transactions, String regime, Map<String, Object> extra) {
		String paper = UUID.randomUUID().toString();
		Map<String, Object> data = new HashMap<>(Map.of("paperId", paper, "title", "Briefing " + paper, "summary",
				"A paper", "url", "/papers/" + paper, "series", 7, "topics", List.of("genome-editing"), "regimes",
				List.of(regime), "publishedAt", "2026-12-01T10:00:00Z"));
		data.putAll(extra);
		return transactions.execute(status -> outbox.append("bcs.public", PAPER, paper, data)).toString();
	}

	static HttpResponse<String> call(int port, String method, String path, String token, Object body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The CSRF token the tests hand over in the gateway's place. */
	static final String CSRF = "csrf-from-the-gateway";

	/** A page as a browser asks for it through the gateway. */
	static HttpResponse<String> page(int port, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/html")
			.header("X-BCS-CSRF-Token", CSRF)
			.timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A form as a browser sends it (URL-encoded), with the CSRF token it was given. */
	static HttpResponse<String> form(int port, String path, String token, Map<String, String> fields) throws Exception {
		Map<String, String> sent = new java.util.LinkedHashMap<>(fields);
		sent.put("_csrf", CSRF);
		String body = sent.entrySet()
			.stream()
			.map(field -> java.net.URLEncoder.encode(field.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
					+ java.net.URLEncoder.encode(field.getValue(), java.nio.charset.StandardCharsets.UTF_8))
			.collect(java.util.stream.Collectors.joining("&"));
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A page of the public pull log after a cursor (from the start without one). */
	static JsonNode pull(int port, String after, String types) throws Exception {
		String path = "/api/publishing/v1/events?limit=500" + ((types != null) ? "&types=" + types : "")
				+ ((after != null) ? "&after=" + after : "");
		HttpResponse<String> page = call(port, "GET", path, null, null);
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		return JSON.readTree(page.body());
	}

	/** The event ids of a page of the pull log, in its order. */
	static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.path("items").forEach(item -> ids.add(item.path("id").asString()));
		return ids;
	}

	/** The pull log's Atom feed. */
	static String feed(int port) throws Exception {
		return call(port, "GET", "/api/publishing/v1/events/feed.atom", null, null).body();
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
