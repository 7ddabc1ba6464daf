package org.biochemsec2030.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's public pages read as an anonymous reader and the gateway read them: whether
 * a page is kept (platform/pages: the same ETag again, a 304 for it, to be checked again
 * rather than never stored) and what the service's site version says.
 */
public final class KeptPages {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

	private final String base;

	private final String service;

	/**
	 * @param port the service's port on localhost
	 * @param service its name in its API's path ({@code /api/<service>/v1/site-version})
	 */
	public KeptPages(int port, String service) {
		this.base = "http://localhost:" + port;
		this.service = service;
	}

	/** The service's site version, which no shared cache may keep. */
	public long version() throws IOException, InterruptedException {
		HttpResponse<String> answer = HTTP.send(
				HttpRequest.newBuilder(URI.create(this.base + "/api/" + this.service + "/v1/site-version")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
		Matcher version = VERSION.matcher(answer.body());
		assertThat(version.find()).as(answer.body()).isTrue();
		return Long.parseLong(version.group(1));
	}

	/**
	 * A kept page answers a repeated read with the same ETag, and that ETag with an empty
	 * 304; it says no-cache (kept, to be checked again), not no-store.
	 */
	public void assertKept(String path) throws IOException, InterruptedException {
		assertThat(assertRevalidated(path)).as(path).hasValue("no-cache");
	}

	/**
	 * As {@link #assertKept}, for pages that may also carry a public max-age of their own
	 * (feeds): anything but no-store.
	 */
	public void assertKeptOrFresh(String path) throws IOException, InterruptedException {
		assertThat(assertRevalidated(path).orElse("")).as(path).doesNotContain("no-store");
	}

	private Optional<String> assertRevalidated(String path) throws IOException, InterruptedException {
		String etag = read(path).headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> second = read(path);
		assertThat(second.headers().firstValue("ETag")).as(path).hasValue(etag);
		HttpResponse<String> again = HTTP.send(request(path).header("If-None-Match", etag).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).as(path).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		return second.headers().firstValue("Cache-Control");
	}

	/** The page as a browser asks for it; it must be there (200). */
	public HttpResponse<String> read(String path) throws IOException, InterruptedException {
		HttpResponse<String> answer = answer(path);
		assertThat(answer.statusCode()).as(path).isEqualTo(200);
		return answer;
	}

	/** Whatever the service answers for the path. */
	public HttpResponse<String> answer(String path) throws IOException, InterruptedException {
		return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A browser's request for the path, to add headers to. */
	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept", "text/html");
	}

}
