package org.biochemsec2030.gateway.pages;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Anonymous public pages answered by the gateway from memory, the way the home page is:
 * proxying a request costs the gateway more than serving a kept copy, so a page read a
 * thousand times between two changes is fetched from its service once.
 *
 * <p>
 * A kept page is valid while two numbers are what they were when it was fetched: the
 * service's site version (which its database bumps at the commit of every change, read by
 * {@link SiteVersionPoller} a few times a second) and this gateway's own write count (any
 * successful write through the gateway to the service's paths moves it as soon as the
 * service has answered, so an editor's next read already shows the change). Until the
 * version is known, and whenever the service cannot tell it, nothing is kept and every
 * read goes through as before.
 *
 * <p>
 * Only a GET with neither a session cookie nor an {@code Authorization} header is
 * answered from here (signed-in pages are never shared); only whole 200 answers of a
 * known length, without cookies and not marked private, are kept.
 */
public class KeptPages implements GlobalFilter, Ordered {

	/**
	 * Serves kept pages ahead of Spring Security, the session and the routing, which an
	 * anonymous read of a kept page needs none of (the security headers are written by
	 * {@code SiteHeaders}, which runs first): those cost the gateway more than the page.
	 * A request it cannot answer goes on down the chain, where {@link KeptPages#filter}
	 * keeps what the service answers.
	 */
	public WebFilter early() {
		return new Early();
	}

	private final class Early implements WebFilter, Ordered {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			Page kept = current(exchange.getRequest());
			return (kept != null) ? replay(kept, exchange) : chain.filter(exchange);
		}

		@Override
		public int getOrder() {
			// After SiteHeaders and MalformedRequests.
			return Ordered.HIGHEST_PRECEDENCE + 10;
		}

	}

	/** The kept page that answers this request now, or null. */
	Page current(ServerHttpRequest request) {
		if (!HttpMethod.GET.equals(request.getMethod()) || !this.properties.covers(request.getPath().value())
				|| !anonymous(request)) {
			return null;
		}
		long siteVersion = this.version.current();
		Page kept = (siteVersion < 0) ? null : this.pages.get(key(request));
		return (kept != null && kept.version() == siteVersion && kept.writes() == this.writes.get()) ? kept : null;
	}

	private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "content-length", "date", "transfer-encoding",
			"connection", "keep-alive");

	private final KeptPagesProperties properties;

	private final SiteVersionPoller version;

	private final AtomicLong writes = new AtomicLong();

	private final Map<String, Page> pages = new ConcurrentHashMap<>();

	public KeptPages(KeptPagesProperties properties, SiteVersionPoller version) {
		this.properties = properties;
		this.version = version;
	}

	record Page(long version, long writes, Map<String, List<String>> headers, byte[] body) {
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().value();
		boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
		if (!read) {
			if (!this.properties.changedBy(path)) {
				return chain.filter(exchange);
			}
			return chain.filter(exchange).doOnSuccess(done -> {
				var status = exchange.getResponse().getStatusCode();
				if (status != null && status.value() < 400) {
					this.writes.incrementAndGet();
				}
			});
		}
		if (!this.properties.covers(path)) {
			return chain.filter(exchange);
		}
		long siteVersion = this.version.current();
		if (siteVersion < 0 || !anonymous(request) || HttpMethod.HEAD.equals(request.getMethod())) {
			return chain.filter(exchange);
		}
		long writesNow = this.writes.get();
		String key = key(request);
		Page kept = this.pages.get(key);
		if (kept != null && kept.version() == siteVersion && kept.writes() == writesNow) {
			return replay(kept, exchange);
		}
		return chain.filter(
				exchange.mutate().response(new Keeping(exchange.getResponse(), key, siteVersion, writesNow)).build());
	}

	static boolean anonymous(ServerHttpRequest request) {
		return !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
				&& !request.getCookies().containsKey("SESSION");
	}

	/** The address and what the reader asks for (feeds and lists answer by Accept). */
	static String key(ServerHttpRequest request) {
		String query = request.getURI().getRawQuery();
		return request.getPath().value() + '?' + ((query == null) ? "" : query) + '\n'
				+ String.join(",", request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT)) + '\n'
				+ String.join(",", request.getHeaders().getOrEmpty(HttpHeaders.HOST));
	}

	private static Mono<Void> replay(Page page, ServerWebExchange exchange) {
		ServerHttpResponse response = exchange.getResponse();
		page.headers().forEach((name, values) -> response.getHeaders().put(name, values));
		String etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
		String ifNoneMatch = exchange.getRequest().getHeaders().getFirst(HttpHeaders.IF_NONE_MATCH);
		if (etag != null && ifNoneMatch != null && ifNoneMatch.contains(etag)) {
			response.setStatusCode(HttpStatus.NOT_MODIFIED);
			return response.setComplete();
		}
		response.setStatusCode(HttpStatus.OK);
		response.getHeaders().setContentLength(page.body().length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(page.body())));
	}

	private boolean keepable(ServerHttpResponse response) {
		HttpHeaders headers = response.getHeaders();
		String cacheControl = headers.getCacheControl();
		long length = headers.getContentLength();
		return HttpStatus.OK.equals(response.getStatusCode()) && length >= 0 && length <= this.properties.maxBytes()
				&& !headers.containsHeader(HttpHeaders.SET_COOKIE)
				&& (cacheControl == null || !(cacheControl.contains("private") || cacheControl.contains("no-store")));
	}

	private void keep(String key, Page page) {
		if (this.pages.size() >= this.properties.maxPages()) {
			this.pages.clear();
		}
		this.pages.put(key, page);
	}

	@Override
	public int getOrder() {
		// Ahead of the filter that writes the service's answer, so that it writes through
		// Keeping (the route is chosen before any global filter runs).
		return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
	}

	/** Passes the service's answer on, and keeps a copy when it is a whole page. */
	private final class Keeping extends ServerHttpResponseDecorator {

		private final String key;

		private final long siteVersion;

		private final long writesAtStart;

		Keeping(ServerHttpResponse delegate, String key, long siteVersion, long writesAtStart) {
			super(delegate);
			this.key = key;
			this.siteVersion = siteVersion;
			this.writesAtStart = writesAtStart;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			if (!keepable(getDelegate())) {
				return super.writeWith(body);
			}
			return DataBufferUtils.join(body).flatMap(joined -> {
				byte[] bytes = new byte[joined.readableByteCount()];
				joined.read(bytes);
				DataBufferUtils.release(joined);
				Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
				getDelegate().getHeaders().forEach((name, values) -> {
					if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
						headers.put(name, List.copyOf(values));
					}
				});
				keep(this.key, new Page(this.siteVersion, this.writesAtStart, Map.copyOf(headers), bytes));
				return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
			});
		}

	}

}
