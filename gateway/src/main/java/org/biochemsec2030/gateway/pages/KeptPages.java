package org.biochemsec2030.gateway.pages;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Anonymous public pages answered by the gateway from memory, the way the home page is:
 * proxying a request costs the gateway more than serving a kept copy, so a page read a
 * thousand times between two changes is fetched from its service once.
 *
 * <p>
 * Each service that keeps its pages (platform/pages) is kept apart: a kept page is valid
 * while two numbers of ITS service are what they were when it was fetched: the service's
 * site version (which its database bumps at the commit of every change, read by its
 * {@link SiteVersionPoller} a few times a second) and this gateway's count of writes to
 * that service (any successful write through the gateway to the service's paths moves it
 * as soon as the service has answered, so an editor's next read already shows the
 * change). Until the version is known, and whenever the service cannot tell it, nothing
 * of that service is kept and every read goes through as before.
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
		if (!HttpMethod.GET.equals(request.getMethod())) {
			return null;
		}
		// The path first: most requests are no kept page's, and reading cookies costs
		// more.
		Kept service = this.services.get(this.properties.covering(request.getPath().value()));
		if (service == null || !anonymous(request)) {
			return null;
		}
		long siteVersion = service.version().current();
		Page kept = (siteVersion < 0) ? null : this.pages.get(key(request));
		return (kept != null && kept.version() == siteVersion && kept.writes() == service.writes().get()) ? kept : null;
	}

	/** One service's version and this gateway's count of writes to it. */
	record Kept(SiteVersionPoller version, AtomicLong writes) {
	}

	private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

	private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "content-length", "date", "transfer-encoding",
			"connection", "keep-alive");

	private final KeptPagesProperties properties;

	/**
	 * Filled once, read only after: a HashMap, which (unlike the others) answers
	 * get(null).
	 */
	private final Map<String, Kept> services = new HashMap<>();

	private final Map<String, Page> pages = new ConcurrentHashMap<>();

	private final Set<String> fetching = ConcurrentHashMap.newKeySet();

	private final WebClient http;

	public KeptPages(KeptPagesProperties properties, Map<String, SiteVersionPoller> versions, WebClient http) {
		this.properties = properties;
		versions.forEach((name, version) -> this.services.put(name, new Kept(version, new AtomicLong())));
		this.http = http;
	}

	record Page(long version, long writes, Map<String, List<String>> headers, byte[] body) {
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().value();
		boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
		if (!read) {
			Kept changed = this.services.get(this.properties.changedBy(path));
			if (changed == null) {
				return chain.filter(exchange);
			}
			return chain.filter(exchange).doOnSuccess(done -> {
				var status = exchange.getResponse().getStatusCode();
				if (status != null && status.value() < 400) {
					changed.writes().incrementAndGet();
				}
			});
		}
		Kept owner = this.services.get(this.properties.covering(path));
		if (owner == null) {
			return chain.filter(exchange);
		}
		long siteVersion = owner.version().current();
		if (siteVersion < 0 || !anonymous(request) || HttpMethod.HEAD.equals(request.getMethod())) {
			return chain.filter(exchange);
		}
		// Hits were answered by the early filter; this is a miss.
		long writesNow = owner.writes().get();
		String key = key(request);
		// The reader's own request goes through untouched; once it has been answered, the
		// page is fetched again in the background and kept for the readers after. Reading
		// the reader's answer as it passes would put the keeping in the reader's way (a
		// service that breaks off mid-answer, a slow one), which this never does.
		return chain.filter(exchange).doOnSuccess(done -> {
			URI service = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
			if (service != null && HttpStatus.OK.equals(exchange.getResponse().getStatusCode())) {
				fetch(service, request, key, siteVersion, writesNow);
			}
		});
	}

	/**
	 * Fetches the page as an anonymous reader would and keeps it, once per key at a time.
	 */
	private void fetch(URI service, ServerHttpRequest reader, String key, long siteVersion, long writesNow) {
		if (!this.fetching.add(key)) {
			return;
		}
		this.http.get().uri(service).headers(headers -> {
			headers.put(HttpHeaders.ACCEPT, reader.getHeaders().getOrEmpty(HttpHeaders.ACCEPT));
			// As the gateway's own forwarded headers say it for the reader's request, so
			// any address the service builds is the site's.
			headers.set("X-Forwarded-Host", reader.getHeaders().getFirst(HttpHeaders.HOST));
			headers.set("X-Forwarded-Proto", reader.getURI().getScheme());
		})
			.exchangeToMono(answer -> answer.toEntity(byte[].class))
			.timeout(FETCH_TIMEOUT)
			.doFinally(signal -> this.fetching.remove(key))
			.subscribe(entity -> {
				if (keepable(entity)) {
					Map<String, List<String>> headers = new LinkedHashMap<>();
					entity.getHeaders().forEach((name, values) -> {
						if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
							headers.put(name, List.copyOf(values));
						}
					});
					keep(key, new Page(siteVersion, writesNow, Map.copyOf(headers), entity.getBody()));
				}
			}, error -> {
				// Nothing kept; the next reader is proxied and the page fetched again.
			});
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

	private boolean keepable(ResponseEntity<byte[]> answer) {
		HttpHeaders headers = answer.getHeaders();
		String cacheControl = headers.getCacheControl();
		return answer.getStatusCode().value() == 200 && answer.getBody() != null
				&& answer.getBody().length <= this.properties.maxBytes()
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
		// Outermost of the routing filters: its doOnSuccess sees the answer complete, and
		// the
		// address the request was sent to (set by RouteToRequestUrlFilter further in).
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
