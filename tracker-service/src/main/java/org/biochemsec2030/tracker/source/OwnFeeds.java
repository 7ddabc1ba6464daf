package org.biochemsec2030.tracker.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import org.biochemsec2030.tracker.support.TrackerProperties;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo feeds this service serves itself, and the one exception to the source address
 * rules they need. With demo data on, a source may be {@code http://127.0.0.1:<this
 * service's port>/tracker/demo/feeds/<name>} and nothing else on loopback: not another
 * port, not another path, no query, no redirect (the fetcher reads these without
 * following any). With demo data off there is no exception at all, and the allowed
 * networks are never widened for it.
 */
@Component
public class OwnFeeds {

	/** Where the demo feeds are served, on this service and through the gateway. */
	public static final String PATH = "/tracker/demo/feeds/";

	static final String HOST = "127.0.0.1";

	private final boolean demo;

	private volatile int port = -1;

	OwnFeeds(TrackerProperties properties) {
		this.demo = properties.demo();
	}

	/**
	 * The application's own port once its server listens (the management server, if it
	 * has its own, is not it).
	 */
	@EventListener
	void started(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() == null) {
			this.port = event.getWebServer().getPort();
		}
	}

	/**
	 * The address of one demo feed, when demo data is on and the server listens.
	 */
	public Optional<String> address(String name) {
		if (!this.demo || this.port <= 0 || !name.matches("[a-z0-9-]+\\.[a-z]+")) {
			return Optional.empty();
		}
		return Optional.of("http://" + HOST + ":" + this.port + PATH + name);
	}

	/** Whether this is exactly one of the demo feeds' addresses (and demo data is on). */
	boolean isOwn(String address) {
		if (!this.demo || this.port <= 0 || address == null) {
			return false;
		}
		URI uri;
		try {
			uri = new URI(address.strip());
		}
		catch (URISyntaxException ex) {
			return false;
		}
		String path = uri.getRawPath();
		return "http".equals(uri.getScheme()) && HOST.equals(uri.getHost()) && uri.getPort() == this.port
				&& uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null
				&& path != null && path.startsWith(PATH)
				&& path.substring(PATH.length()).matches("[a-z0-9-]+\\.[a-z]+");
	}

}
