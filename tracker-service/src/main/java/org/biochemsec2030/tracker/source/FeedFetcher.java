package org.biochemsec2030.tracker.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.util.Timeout;
import org.biochemsec2030.platform.security.outbound.AddressPolicy;
import org.biochemsec2030.platform.security.outbound.CheckingDnsResolver;
import org.biochemsec2030.tracker.support.TrackerProperties;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Reads a feed with a conditional GET: the ETag and Last-Modified of the last answer go
 * back as If-None-Match and If-Modified-Since, so an unchanged feed costs the site a 304
 * and us nothing. Every request is bounded: the time to connect, the time for the whole
 * answer (a site that sends its headers and then trickles the body is cut off too) and
 * its size. Analysts choose the addresses, so each is held to the {@link AddressPolicy}
 * twice: its form before the request, and every address its name (or a redirect's)
 * resolves to right before the connection, which no DNS answer can change in between.
 */
@Component
class FeedFetcher implements DisposableBean {

	/** What a refused address is reported as: the address it resolved to stays ours. */
	static final String REFUSED = "the address leads to a private, loopback, link-local or reserved network;"
			+ " only sites on the internet are read";

	private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json,"
			+ " application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.8, */*;q=0.1";

	private static final int MAX_REDIRECTS = 5;

	private final CloseableHttpClient client;

	private final AddressPolicy policy;

	private final TrackerProperties.Fetch limits;

	private final OwnFeeds own;

	/** Reads the demo feeds this service serves itself; null without demo data. */
	private final CloseableHttpClient ownClient;

	private final ScheduledExecutorService timer = Executors
		.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("feed-deadline").factory());

	FeedFetcher(TrackerProperties properties, OwnFeeds own) {
		this.limits = properties.fetch();
		this.policy = this.limits.policy();
		this.own = own;
		// As many connections as one round polls sources, so no poll waits for another's.
		int connections = properties.poller().batch();
		this.client = client(this.policy, connections, true);
		// The demo feeds are read from this service's own loopback address, through a
		// client of their own that admits exactly that address and follows no redirect,
		// so the exception cannot be stretched to anything else on the machine.
		this.ownClient = properties.demo() ? client(new AddressPolicy(true, List.of(OwnFeeds.HOST + "/32")), 2, false)
				: null;
	}

	private CloseableHttpClient client(AddressPolicy policy, int connections, boolean redirects) {
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new CheckingDnsResolver(policy))
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.of(this.limits.connectTimeout()))
					.setSocketTimeout(Timeout.of(this.limits.readTimeout()))
					.build())
				.setMaxConnTotal(connections)
				.setMaxConnPerRoute(connections)
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setResponseTimeout(Timeout.of(this.limits.readTimeout()))
				.setConnectionRequestTimeout(Timeout.of(this.limits.readTimeout()))
				.setRedirectsEnabled(redirects)
				.setMaxRedirects(MAX_REDIRECTS)
				.setCircularRedirectsAllowed(false)
				.build())
			.disableCookieManagement()
			.disableAuthCaching()
			.disableAutomaticRetries()
			.setUserAgent(this.limits.userAgent())
			.build();
	}

	FetchResult fetch(URI url, String etag, String lastModified) {
		boolean own = this.ownClient != null && this.own.isOwn(url.toString());
		if (!own) {
			try {
				this.policy.check(url.toString());
			}
			catch (AddressPolicy.Refused ex) {
				return new FetchResult.Failed(ex.getMessage());
			}
		}
		HttpGet get = new HttpGet(url);
		get.setHeader("Accept", ACCEPT);
		if (etag != null) {
			get.setHeader("If-None-Match", etag);
		}
		if (lastModified != null) {
			get.setHeader("If-Modified-Since", lastModified);
		}
		Duration deadline = this.limits.readTimeout();
		ScheduledFuture<?> cancel = this.timer.schedule(get::cancel, deadline.toMillis(), TimeUnit.MILLISECONDS);
		try {
			return (own ? this.ownClient : this.client).execute(get, response -> answer(response, etag, lastModified));
		}
		catch (CheckingDnsResolver.RefusedAddress ex) {
			return new FetchResult.Failed(REFUSED);
		}
		catch (IOException | RuntimeException ex) {
			return new FetchResult.Failed(
					get.isCancelled() ? "no complete answer within " + seconds(deadline) : reason(ex));
		}
		finally {
			cancel.cancel(false);
		}
	}

	private FetchResult answer(ClassicHttpResponse response, String etag, String lastModified) throws IOException {
		int status = response.getCode();
		String newEtag = header(response, "ETag");
		String newLastModified = header(response, "Last-Modified");
		if (status == 304) {
			return new FetchResult.NotModified((newEtag != null) ? newEtag : etag,
					(newLastModified != null) ? newLastModified : lastModified);
		}
		if (status < 200 || status > 299) {
			return new FetchResult.Failed("HTTP " + status);
		}
		byte[] body;
		if (response.getEntity() == null) {
			body = new byte[0];
		}
		else {
			// One byte more than allowed tells a body at the limit from one beyond it;
			// closing the stream drops the rest unread.
			try (InputStream content = response.getEntity().getContent()) {
				body = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, this.limits.maxBytes()) + 1);
			}
			if (body.length > this.limits.maxBytes()) {
				return new FetchResult.Failed("the answer is larger than " + this.limits.maxBytes() + " bytes");
			}
		}
		return new FetchResult.Fetched(status, body, header(response, "Content-Type"), newEtag, newLastModified);
	}

	private static String header(ClassicHttpResponse response, String name) {
		Header header = response.getFirstHeader(name);
		return (header != null) ? header.getValue() : null;
	}

	private String reason(Exception failure) {
		if (failure instanceof ConnectTimeoutException) {
			return "could not connect within " + seconds(this.limits.connectTimeout());
		}
		if (failure instanceof SocketTimeoutException) {
			return "no answer within " + seconds(this.limits.readTimeout());
		}
		// The exception's own message can name addresses inside our network; its kind is
		// enough to act on.
		return "the request failed (" + failure.getClass().getSimpleName() + ")";
	}

	private static String seconds(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

	@Override
	public void destroy() throws IOException {
		this.timer.shutdownNow();
		this.client.close();
		if (this.ownClient != null) {
			this.ownClient.close();
		}
	}

}
