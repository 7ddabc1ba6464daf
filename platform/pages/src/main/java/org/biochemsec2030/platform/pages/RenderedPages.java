package org.biochemsec2030.platform.pages;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Public pages rendered once per change of the site, not once per reader. A post page
 * costs a query and a template rendering, and changes only when an editor acts; readers
 * ask for it thousands of times in between. The service's database keeps one number,
 * {@code site_version} ({@link SiteVersion}), that its own triggers bump at the commit of
 * any write to a table a page reads. Each anonymous request reads that number (one
 * indexed row) and gets the page rendered at that version if there is one, else it is
 * rendered and kept. The next read after a commit therefore always shows the change, on
 * every replica, with no invalidation message to lose or to wait for.
 *
 * <p>
 * Only anonymous reads are kept: a request with a bearer token, a CSRF token handed over
 * by the gateway or a cookie is a signed-in reader's and passes untouched, so nothing
 * personal is ever served from here. Only complete 200 answers without cookies and not
 * marked private are kept; errors are rendered each time. Each answer carries an
 * {@code ETag} of its bytes, and a matching {@code If-None-Match} is a 304.
 */
public class RenderedPages extends OncePerRequestFilter implements Ordered {

	private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "content-length", "date", "transfer-encoding",
			"connection", "keep-alive");

	private final RenderedPagesProperties properties;

	private final SiteVersion version;

	private final Map<String, Page> pages = new ConcurrentHashMap<>();

	private final Counter hits;

	private final Counter renders;

	public RenderedPages(RenderedPagesProperties properties, SiteVersion version, MeterRegistry meters) {
		this.properties = properties;
		this.version = version;
		String name = "bcs." + properties.service() + ".rendered.pages";
		this.hits = Counter.builder(name).tag("result", "kept").register(meters);
		this.renders = Counter.builder(name).tag("result", "rendered").register(meters);
	}

	@Override
	public int getOrder() {
		// After Spring Security's filter (its chain has let the request in and will write
		// the security headers), whose default no-store is not added once this has said
		// no-cache.
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	/** A rendered answer: what the reader gets, and the site version it shows. */
	record Page(long version, String contentType, Map<String, List<String>> headers, byte[] body, String etag) {
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !keepable(this.properties, request.getMethod(), request.getRequestURI(),
				request.getHeader(HttpHeaders.AUTHORIZATION), request.getHeader("X-BCS-CSRF-Token"),
				request.getHeader(HttpHeaders.COOKIE));
	}

	/**
	 * Whether a request may be answered from the kept pages: an anonymous GET (no bearer
	 * token, no CSRF token handed over by the gateway, no cookie) of a public page.
	 */
	public static boolean keepable(RenderedPagesProperties properties, String method, String path, String authorization,
			String csrf, String cookie) {
		return "GET".equals(method) && authorization == null && csrf == null && cookie == null
				&& properties.covers(path);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// Kept, but to be checked again each time: browsers and the gateway may keep the
		// page and must ask (or read the site version) before showing it again. Set here,
		// Spring Security's default (no-store) is not added, and the gateway can keep it.
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		long version = this.version.current();
		String key = key(request);
		Page kept = this.pages.get(key);
		if (kept != null && kept.version() == version) {
			this.hits.increment();
			replay(kept, request, response);
			return;
		}
		this.renders.increment();
		var capture = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, capture);
		Page rendered = keepIfWhole(capture, version, this.properties.maxBytes());
		if (rendered != null) {
			if (this.pages.size() >= this.properties.maxPages()) {
				this.pages.clear();
			}
			this.pages.put(key, rendered);
			capture.setHeader(HttpHeaders.ETAG, rendered.etag());
		}
		capture.copyBodyToResponse();
	}

	/**
	 * What makes two requests the same page: the address, the type asked for (feeds and
	 * lists answer by {@code Accept}) and the public address the gateway reports, which
	 * absolute links are built from.
	 */
	static String key(HttpServletRequest request) {
		return request.getRequestURI() + '?' + nullToEmpty(request.getQueryString()) + '\n'
				+ nullToEmpty(request.getHeader(HttpHeaders.ACCEPT)) + '\n'
				+ nullToEmpty(request.getHeader("X-Forwarded-Host")) + '\n'
				+ nullToEmpty(request.getHeader("X-Forwarded-Proto")) + '\n'
				+ nullToEmpty(request.getHeader(HttpHeaders.HOST));
	}

	private static Page keepIfWhole(ContentCachingResponseWrapper capture, long version, int maxBytes) {
		String cacheControl = capture.getHeader(HttpHeaders.CACHE_CONTROL);
		if (capture.getStatus() != 200 || capture.getContentSize() > maxBytes
				|| !capture.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
				|| (cacheControl != null && (cacheControl.contains("private") || cacheControl.contains("no-store")))) {
			return null;
		}
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : capture.getHeaderNames()) {
			if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT)) && !HttpHeaders.ETAG.equalsIgnoreCase(name)
					&& !HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
				headers.put(name, List.copyOf(capture.getHeaders(name)));
			}
		}
		byte[] body = capture.getContentAsByteArray();
		return new Page(version, capture.getContentType(), Map.copyOf(headers), body, etag(body));
	}

	private static void replay(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
		// Set, not added: a header another filter already wrote is not doubled.
		page.headers().forEach((name, values) -> {
			response.setHeader(name, values.getFirst());
			values.stream().skip(1).forEach(value -> response.addHeader(name, value));
		});
		response.setHeader(HttpHeaders.ETAG, page.etag());
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null && (ifNoneMatch.contains(page.etag()) || ifNoneMatch.trim().equals("*"))) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		if (page.contentType() != null) {
			response.setContentType(page.contentType());
		}
		response.setContentLength(page.body().length);
		response.getOutputStream().write(page.body());
	}

	/** A strong validator of the page's bytes. */
	public static String etag(byte[] body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return '"' + HexFormat.of().formatHex(digest, 0, 12) + '"';
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String nullToEmpty(String value) {
		return (value == null) ? "" : value;
	}

}
