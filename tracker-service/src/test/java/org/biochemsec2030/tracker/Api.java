package org.biochemsec2030.tracker;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.biochemsec2030.platform.test.Identity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tracker as an API client or a browser reaches it, as one of the demo users (with a
 * real token from the realm) or as nobody.
 */
public record Api(int port, String user) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	/**
	 * Each user's token and when it was issued: taken again after a minute, long before
	 * it expires.
	 */
	private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

	private record Token(String value, long issuedAt) {
	}

	public static Api anonymous(int port) {
		return new Api(port, null);
	}

	/** An answer, with its body read as JSON on request. */
	public record Answer(int status, String body, String contentType, String location) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

	public Answer get(String path) {
		return exchange("GET", path, null, "application/json");
	}

	public Answer page(String path) {
		return exchange("GET", path, null, "text/html");
	}

	public Answer post(String path, Object body) {
		return exchange("POST", path, body, "application/json");
	}

	public Answer put(String path, Object body) {
		return exchange("PUT", path, body, "application/json");
	}

	public Answer delete(String path) {
		return exchange("DELETE", path, null, "application/json");
	}

	/** A form, as a browser sends it (URL-encoded; repeated names for several values). */
	public Answer form(String path, List<Map.Entry<String, String>> fields) {
		String body = fields.stream()
			.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)), "POST " + path);
	}

	private Answer exchange(String method, String path, Object body, String accept) {
		String json = (body == null) ? null : (body instanceof String text) ? text : JSON.writeValueAsString(body);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept)
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return send(request, method + " " + path);
	}

	private Answer send(HttpRequest.Builder request, String what) {
		if (this.user != null) {
			Token token = TOKENS.compute(this.user,
					(user, known) -> (known != null && known.issuedAt() > System.currentTimeMillis() - 60_000) ? known
							: new Token(Identity.tokenFor(user), System.currentTimeMillis()));
			request.header("Authorization", "Bearer " + token.value());
		}
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(null));
		}
		catch (IOException ex) {
			throw new IllegalStateException(what + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
