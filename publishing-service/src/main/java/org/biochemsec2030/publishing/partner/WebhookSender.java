package org.biochemsec2030.publishing.partner;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.biochemsec2030.platform.security.outbound.AddressPolicy;
import org.biochemsec2030.platform.security.outbound.CheckingDnsResolver;

/**
 * Makes one delivery attempt: a POST of the CloudEvent to the endpoint, signed, with the
 * Standard Webhooks headers. It follows no redirect (a 3xx is a failed attempt: the
 * partner registers the address it wants called), sends no cookies, retries nothing
 * itself (the schedule does), and gives every attempt one deadline for the whole answer,
 * so a slow endpoint holds only its own attempt. The resolver checks each address a name
 * resolves to against the policy right before the connection is made to that same
 * address, which is what defeats DNS rebinding: there is no second look-up between the
 * check and the connect.
 */
final class WebhookSender implements AutoCloseable {

	static final int EXCERPT_BYTES = 1024;

	private final AddressPolicy policy;

	private final Duration deadline;

	private final Clock clock;

	private final CloseableHttpClient client;

	private final ScheduledExecutorService timer = Executors
		.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("webhook-deadline").factory());

	WebhookSender(AddressPolicy policy, Duration deadline, int maxConnections, Clock clock) {
		this.policy = policy;
		this.deadline = deadline;
		this.clock = clock;
		Timeout timeout = Timeout.of(deadline);
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new CheckingDnsResolver(policy))
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.ofMilliseconds(Math.min(deadline.toMillis(), 5000)))
					.setSocketTimeout(timeout)
					.build())
				.setMaxConnTotal(maxConnections)
				.setMaxConnPerRoute(2)
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent("BioChemSec2030-Webhooks/1")
			.build();
	}

	Attempt send(URI endpoint, String messageId, byte[] body, List<SigningSecret> secrets) {
		long timestamp = this.clock.instant().getEpochSecond();
		HttpPost post = new HttpPost(endpoint);
		post.setHeader("webhook-id", messageId);
		post.setHeader("webhook-timestamp", Long.toString(timestamp));
		post.setHeader("webhook-signature", WebhookSignature.header(messageId, timestamp, body, secrets));
		post.setEntity(
				new ByteArrayEntity(body, ContentType.create("application/cloudevents+json", StandardCharsets.UTF_8)));
		long started = System.nanoTime();
		ScheduledFuture<?> cancel = this.timer.schedule(post::cancel, this.deadline.toMillis(), TimeUnit.MILLISECONDS);
		try {
			return this.client.execute(post, response -> {
				String excerpt = excerpt(response.getEntity() != null ? response.getEntity().getContent() : null);
				return new Attempt(response.getCode(), elapsed(started), excerpt, null);
			});
		}
		catch (CheckingDnsResolver.RefusedAddress ex) {
			return new Attempt(0, elapsed(started), "", ex.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			String reason = post.isCancelled() ? "no answer within " + this.deadline.toSeconds() + " s"
					: ex.getClass().getSimpleName() + (ex.getMessage() != null ? ": " + ex.getMessage() : "");
			return new Attempt(0, elapsed(started), "", reason);
		}
		finally {
			cancel.cancel(false);
		}
	}

	private static String excerpt(InputStream content) throws IOException {
		if (content == null) {
			return "";
		}
		try (content) {
			byte[] head = content.readNBytes(EXCERPT_BYTES);
			// The rest is drained by closing; nothing beyond the excerpt is kept or
			// logged.
			return new String(head, StandardCharsets.UTF_8);
		}
	}

	private static Duration elapsed(long startedNanos) {
		return Duration.ofNanos(System.nanoTime() - startedNanos);
	}

	@Override
	public void close() throws IOException {
		this.timer.shutdownNow();
		this.client.close();
	}

	/**
	 * One attempt's outcome, as the delivery log keeps it.
	 *
	 * @param status the HTTP status, 0 when there was no answer
	 * @param latency from the start of the attempt to the end of the answer (or the
	 * failure)
	 * @param excerpt the first kilobyte of the answer's body
	 * @param error why there was no answer, or null
	 */
	record Attempt(int status, Duration latency, String excerpt, String error) {

		/**
		 * Delivered means a 2xx answer; anything else, redirects included, is tried
		 * again.
		 */
		boolean delivered() {
			return this.status >= 200 && this.status < 300;
		}

	}

}
