package org.biochemsec2030.tracker.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.biochemsec2030.tracker.support.TrackerProperties;

import org.springframework.stereotype.Component;

/**
 * Reads a feed with a conditional GET: the ETag and Last-Modified of the last answer go
 * back as If-None-Match and If-Modified-Since, so an unchanged feed costs the site a 304
 * and us nothing. Every request is bounded: the time to connect, the time for the whole
 * answer (a site that sends its headers and then trickles the body is cut off too) and
 * its size.
 */
@Component
class FeedFetcher {

	private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json,"
			+ " application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.8, */*;q=0.1";

	private final HttpClient client;

	private final TrackerProperties.Fetch limits;

	FeedFetcher(TrackerProperties properties) {
		this.limits = properties.fetch();
		this.client = HttpClient.newBuilder()
			.connectTimeout(this.limits.connectTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	FetchResult fetch(URI url, String etag, String lastModified) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(this.limits.readTimeout())
			.header("User-Agent", this.limits.userAgent())
			.header("Accept", ACCEPT)
			.GET();
		if (etag != null) {
			request.header("If-None-Match", etag);
		}
		if (lastModified != null) {
			request.header("If-Modified-Since", lastModified);
		}
		CompletableFuture<HttpResponse<byte[]>> exchange = this.client.sendAsync(request.build(),
				info -> new Limited(this.limits.maxBytes()));
		HttpResponse<byte[]> response;
		try {
			response = exchange.get(this.limits.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			exchange.cancel(true);
			return new FetchResult.Failed("no complete answer within " + seconds(this.limits.readTimeout()));
		}
		catch (InterruptedException ex) {
			exchange.cancel(true);
			Thread.currentThread().interrupt();
			return new FetchResult.Failed("interrupted");
		}
		catch (ExecutionException ex) {
			return new FetchResult.Failed(reason(ex.getCause()));
		}
		int status = response.statusCode();
		String newEtag = response.headers().firstValue("ETag").orElse(null);
		String newLastModified = response.headers().firstValue("Last-Modified").orElse(null);
		if (status == 304) {
			return new FetchResult.NotModified((newEtag != null) ? newEtag : etag,
					(newLastModified != null) ? newLastModified : lastModified);
		}
		if (status < 200 || status > 299) {
			return new FetchResult.Failed("HTTP " + status);
		}
		return new FetchResult.Fetched(status, response.body(),
				response.headers().firstValue("Content-Type").orElse(null), newEtag, newLastModified);
	}

	private String reason(Throwable cause) {
		if (cause instanceof HttpConnectTimeoutException) {
			return "could not connect within " + seconds(this.limits.connectTimeout());
		}
		if (cause instanceof HttpTimeoutException) {
			return "no answer within " + seconds(this.limits.readTimeout());
		}
		if (cause instanceof TooLarge) {
			return cause.getMessage();
		}
		if (cause instanceof IOException io && io.getCause() instanceof TooLarge tooLarge) {
			return tooLarge.getMessage();
		}
		// The exception's own message can name addresses inside our network; its kind is
		// enough to act on.
		return "the request failed (" + ((cause != null) ? cause.getClass().getSimpleName() : "unknown") + ")";
	}

	private static String seconds(java.time.Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

	static final class TooLarge extends IOException {

		TooLarge(long limit) {
			super("the answer is larger than " + limit + " bytes");
		}

	}

	/** Collects a body up to a limit and gives up on the exchange beyond it. */
	private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {

		private final long limit;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final CompletableFuture<byte[]> result = new CompletableFuture<>();

		private Flow.Subscription subscription;

		Limited(long limit) {
			this.limit = limit;
		}

		@Override
		public CompletionStage<byte[]> getBody() {
			return this.result;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			if (this.result.isDone()) {
				return;
			}
			for (ByteBuffer buffer : buffers) {
				if (this.bytes.size() + (long) buffer.remaining() > this.limit) {
					this.subscription.cancel();
					this.result.completeExceptionally(new TooLarge(this.limit));
					return;
				}
				byte[] chunk = new byte[buffer.remaining()];
				buffer.get(chunk);
				this.bytes.writeBytes(chunk);
			}
		}

		@Override
		public void onError(Throwable error) {
			this.result.completeExceptionally(error);
		}

		@Override
		public void onComplete() {
			this.result.complete(this.bytes.toByteArray());
		}

	}

}
