package org.biochemsec2030.gateway.pages;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.Lifecycle;

/**
 * Reads one service's site version a few times a second on one virtual thread. While the
 * service does not answer (down, starting, an old version without the endpoint), the
 * version is unknown and {@link KeptPages} keeps nothing: readers get what the service
 * answers, or the gateway's error page when it is down, never an old copy.
 */
public class SiteVersionPoller implements Lifecycle {

	private static final Log logger = LogFactory.getLog(SiteVersionPoller.class);

	private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

	private final String service;

	private final URI uri;

	private final Duration interval;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private volatile long current = -1;

	private volatile boolean running;

	private Thread thread;

	public SiteVersionPoller(String service, URI uri, Duration interval) {
		this.service = service;
		this.uri = uri;
		this.interval = interval;
	}

	/** The version last read, or -1 when it is not known. */
	public long current() {
		return this.current;
	}

	/** Reads the version once (also what the loop does). */
	void poll() {
		try {
			HttpResponse<String> answer = this.http.send(
					HttpRequest.newBuilder(this.uri).timeout(Duration.ofSeconds(1)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher matcher = VERSION.matcher(answer.body());
			long read = (answer.statusCode() == 200 && matcher.find()) ? Long.parseLong(matcher.group(1)) : -1;
			if (read < 0 && this.current >= 0) {
				logger.warn(this.service + " site version unavailable (" + answer.statusCode()
						+ "): its public pages are not kept");
			}
			this.current = read;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			if (this.current >= 0) {
				logger.warn(this.service + " site version unavailable (" + ex + "): its public pages are not kept");
			}
			this.current = -1;
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = Thread.ofVirtual().name("kept-pages-version-" + this.service).start(() -> {
			while (this.running) {
				poll();
				try {
					Thread.sleep(this.interval);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.thread != null) {
			this.thread.interrupt();
		}
		this.current = -1;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
