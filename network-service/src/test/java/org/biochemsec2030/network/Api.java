package org.biochemsec2030.network;

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
 * The service as a browser or an API client sees it, with a demo user's real token (or
 * none).
 */
public final class Api {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

	private final int port;

	private final String user;

	private final String token;

	public Api(int port, String user) {
		this(port, user, null);
	}

	private Api(int port, String user, String token) {
		this.port = port;
		this.user = user;
		this.token = token;
	}

	/**
	 * As the holder of this access token (a member who signed in with their password).
	 */
	public static Api bearer(int port, String token) {
		return new Api(port, null, token);
	}

	public static Api anonymous(int port) {
		return new Api(port, null);
	}

	public record Response(int status, String body, HttpResponse<String> raw) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response page(String path) {
		return send(request(path).header("Accept", "text/html").GET());
	}

	/** A form as a browser sends it (repeated names for several values). */
	public Response form(String path, List<Map.Entry<String, String>> fields) {
		String body = fields.stream()
			.map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public Response post(String path, Object body) {
		return post(path, body, Map.of());
	}

	public Response post(String path, Object body, Map<String, String> headers) {
		HttpRequest.Builder builder = request(path).header("Content-Type", "application/json");
		headers.forEach(builder::header);
		return send(builder
			.POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
	}

	public Response put(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (this.user != null) {
			builder.header("Authorization", "Bearer " + token(this.user));
		}
		else if (this.token != null) {
			builder.header("Authorization", "Bearer " + this.token);
		}
		return builder;
	}

	private static String token(String user) {
		Token token = TOKENS.get(user);
		if (token == null || token.fetched() < System.currentTimeMillis() - 30_000) {
			token = new Token(Identity.tokenFor(user), System.currentTimeMillis());
			TOKENS.put(user, token);
		}
		return token.value();
	}

	private record Token(String value, long fetched) {

	}

	public static Response send(HttpRequest.Builder request) {
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
