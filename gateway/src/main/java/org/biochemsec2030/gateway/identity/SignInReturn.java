package org.biochemsec2030.gateway.identity;

import java.net.URI;
import java.util.Set;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The site header's "Sign in" link is the same on every page (it leads straight to the
 * realm), so on its own a reader who signs in from a post, a paper or an error page lands
 * on the home page. When sign-in starts without a page already waiting for it (a
 * protected page saves itself on the way, and that one wins), the page the reader came
 * from, named by the browser's {@code Referer}, becomes the page to return to. Only a
 * page of this site counts: the referrer must be on the public address, its path a plain
 * site path, and never a step of the sign-in itself. Without a referrer (a browser that
 * sends none) the reader lands on the home page, as before.
 */
@Component
class SignInReturn implements WebFilter, Ordered {

	/** Where Spring Security's session request cache keeps the page to return to. */
	static final String SAVED_REQUEST = "SPRING_SECURITY_SAVED_REQUEST";

	private static final Pattern SITE_PATH = Pattern.compile("/[A-Za-z0-9/._~%!$&'()*+,;=:@-]{0,1000}");

	private static final Set<String> NOT_A_PAGE = Set.of("/oauth2/", "/login", "/logout", "/actuator", "/api/",
			"/assets/");

	private final URI site;

	SignInReturn(IdentityProperties identity) {
		this.site = identity.publicUrl();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!HttpMethod.GET.equals(exchange.getRequest().getMethod())
				|| !exchange.getRequest().getPath().value().equals(GatewaySecurity.SIGN_IN)) {
			return chain.filter(exchange);
		}
		String back = pageToReturnTo(exchange.getRequest().getHeaders().getFirst(HttpHeaders.REFERER), this.site);
		if (back == null) {
			return chain.filter(exchange);
		}
		return exchange.getSession()
			.doOnNext(session -> session.getAttributes().putIfAbsent(SAVED_REQUEST, back))
			.then(chain.filter(exchange));
	}

	/** The site path and query of a referrer on this site, or null. */
	static String pageToReturnTo(String referer, URI site) {
		if (referer == null || referer.length() > 2000) {
			return null;
		}
		URI from;
		try {
			from = URI.create(referer);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (!sameOrigin(from, site)) {
			return null;
		}
		String path = (from.getRawPath() == null || from.getRawPath().isEmpty()) ? "/" : from.getRawPath();
		if (!SITE_PATH.matcher(path).matches() || path.startsWith("//") || path.contains("/../")
				|| NOT_A_PAGE.stream().anyMatch(path::startsWith)) {
			return null;
		}
		String query = from.getRawQuery();
		return (query == null || query.length() > 1000) ? path : path + "?" + query;
	}

	private static boolean sameOrigin(URI a, URI b) {
		return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
				&& a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
	}

	private static int port(URI uri) {
		return (uri.getPort() >= 0) ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
	}

	@Override
	public int getOrder() {
		// Ahead of Spring Security's chain, which answers this path itself.
		return -200;
	}

}
