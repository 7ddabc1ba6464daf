package org.biochemsec2030.publishing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.biochemsec2030.platform.test.Identity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publishing API and pages as a client sees them: JSON over HTTP with a demo user's
 * real token (or none).
 */
public final class Api {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

	private final int port;

	private final String user;

	public Api(int port, String user) {
		this.port = port;
		this.user = user;
	}

	public record Response(int status, String body, HttpResponse<String> raw) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

	}

	public Api as(String user) {
		return new Api(this.port, user);
	}

	public Api anonymous() {
		return new Api(this.port, null);
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	/** A GET with an Accept header (content negotiation). */
	public Response get(String path, String accept) {
		return send(request(path).header("Accept", accept).GET());
	}

	/** A GET whose answer is bytes (PDF, zip). */
	public byte[] bytes(String path) {
		try {
			HttpResponse<byte[]> response = HTTP.send(request(path).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The CSRF token the tests hand over in the gateway's place. */
	public static final String CSRF = "csrf-from-the-gateway";

	/** A page, as a browser asks for it through the gateway. */
	public Response page(String path) {
		return send(request(path).header("Accept", "text/html").header("X-BCS-CSRF-Token", CSRF).GET());
	}

	/** A form, as a browser sends it (URL-encoded; repeated names for several values). */
	public Response form(String path, java.util.List<Map.Entry<String, String>> fields) {
		String body = fields.stream()
			.map(field -> java.net.URLEncoder.encode(field.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
					+ java.net.URLEncoder.encode(field.getValue(), java.nio.charset.StandardCharsets.UTF_8))
			.collect(java.util.stream.Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public Response post(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
	}

	public Response post(String path) {
		return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
	}

	public Response put(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
	}

	public Response delete(String path) {
		return send(request(path).DELETE());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (this.user != null) {
			builder.header("Authorization", "Bearer " + token(this.user));
		}
		return builder;
	}

	private static String token(String user) {
		Token token = TOKENS.get(user);
		// Realm tokens are short-lived: take a fresh one well before it expires.
		if (token == null || token.fetched() < System.currentTimeMillis() - 30_000) {
			token = new Token(Identity.tokenFor(user), System.currentTimeMillis());
			TOKENS.put(user, token);
		}
		return token.value();
	}

	private record Token(String value, long fetched) {

	}

	private static Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
