package org.biochemsec2030.tracker.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Sites publishing feeds, on loopback: the fixtures under {@code feeds/}, one that
 * answers 304 to its ETag, one to its Last-Modified, a broken one, one that fails, one
 * too slow, and redirects to another feed and to private addresses. Tests reading them
 * allow loopback ({@link #LOOPBACK}), which the tracker refuses by default. Every
 * request's headers are kept, so a test sees what the tracker asked.
 */
public final class TestFeeds implements AutoCloseable {

	/** The setting that lets a test's tracker read these sites. */
	public static final String LOOPBACK = "bcs.tracker.fetch.allowed-networks=127.0.0.0/8";

	static final String ETAG = "\"digest-v1\"";

	static final String LAST_MODIFIED = "Wed, 04 Mar 2026 10:00:00 GMT";

	private final HttpServer server;

	private final Map<String, List<Map<String, String>>> requests = new ConcurrentHashMap<>();

	private TestFeeds() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public static TestFeeds start() {
		return new TestFeeds();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** Headers of each request for the path, in order. */
	List<Map<String, String>> requests(String path) {
		return this.requests.getOrDefault(path, List.of());
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		Map<String, String> headers = new ConcurrentHashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
		this.requests.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(headers);
		try (exchange) {
			switch (path) {
				case "/rss2.xml" -> send(exchange, 200, "application/rss+xml", fixture("rss2.xml"));
				case "/rss1.rdf" -> send(exchange, 200, "application/rdf+xml", fixture("rss1.rdf"));
				case "/triage.xml" -> send(exchange, 200, "application/rss+xml", fixture("triage.xml"));
				case "/desk.xml" -> send(exchange, 200, "application/rss+xml", fixture("desk.xml"));
				case "/feed.json" -> send(exchange, 200, "application/feed+json", fixture("feed.json"));
				case "/atom.xml" -> {
					if (LAST_MODIFIED.equals(headers.get("if-modified-since"))) {
						send(exchange, 304, null, new byte[0]);
					}
					else {
						exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
						send(exchange, 200, "application/atom+xml", fixture("atom.xml"));
					}
				}
				case "/etag.xml" -> {
					exchange.getResponseHeaders().set("ETag", ETAG);
					if (ETAG.equals(headers.get("if-none-match"))) {
						send(exchange, 304, null, new byte[0]);
					}
					else {
						send(exchange, 200, "application/rss+xml", fixture("etag.xml"));
					}
				}
				case "/broken.xml" -> send(exchange, 200, "application/rss+xml", fixture("broken.xml"));
				case "/moved.xml" -> redirect(exchange, url("/rss2.xml"));
				// A public-looking feed that sends the reader on to the suite's own
				// network.
				case "/to-internal.xml" -> redirect(exchange, "http://10.255.255.1/admin");
				case "/to-metadata.xml" -> redirect(exchange, "http://169.254.169.254/latest/meta-data/");
				case "/html" -> send(exchange, 200, "text/html", "Not a feed at all".getBytes());
				case "/failing.xml" -> send(exchange, 500, "text/plain", "Internal error".getBytes());
				case "/slow.xml" -> {
					// Longer than the tests' read timeout: the tracker gives up first.
					sleep(10_000);
					send(exchange, 200, "application/rss+xml", fixture("etag.xml"));
				}
				default -> send(exchange, 404, "text/plain", "Not found".getBytes());
			}
		}
		catch (IOException ex) {
			// The client hung up (the slow feed): nothing to answer.
		}
	}

	private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
		if (type != null) {
			exchange.getResponseHeaders().set("Content-Type", type);
		}
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private static void redirect(HttpExchange exchange, String location) throws IOException {
		exchange.getResponseHeaders().set("Location", location);
		send(exchange, 302, null, new byte[0]);
	}

	private static byte[] fixture(String name) throws IOException {
		try (InputStream in = TestFeeds.class.getResourceAsStream("/feeds/" + name)) {
			return in.readAllBytes();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
