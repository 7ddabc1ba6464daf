package org.biochemsec2030.gateway.edge;

import java.net.URI;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * A service that builds an absolute address from its own host (a redirect, a created
 * resource's {@code Location}) would hand the reader an internal name such as
 * {@code http://content-service:8081}. The services build addresses from the gateway's
 * {@code X-Forwarded-*} headers or keep them relative, so this is the second line: an
 * absolute {@code Location} or {@code Content-Location} that points at the service the
 * request was routed to becomes the same path on the site. Addresses elsewhere (another
 * site, the realm) pass unchanged.
 */
@Component
class InternalLocations implements GlobalFilter, Ordered {

	private static final List<String> HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.CONTENT_LOCATION);

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
			if (route != null) {
				HttpHeaders headers = exchange.getResponse().getHeaders();
				for (String name : HEADERS) {
					String value = headers.getFirst(name);
					String local = (value != null) ? onSite(value, route.getUri()) : null;
					if (local != null) {
						headers.set(name, local);
					}
				}
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	/** The site path for an address on the service, or null when it is not one. */
	static String onSite(String location, URI service) {
		URI uri;
		try {
			uri = URI.create(location.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (!uri.isAbsolute() || uri.getHost() == null || !uri.getHost().equalsIgnoreCase(service.getHost())
				|| port(uri) != port(service)) {
			return null;
		}
		// One leading slash only: "//elsewhere/x" would be read as another site.
		String path = "/" + ((uri.getRawPath() == null) ? "" : uri.getRawPath().replaceFirst("^/+", ""));
		return path + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "")
				+ ((uri.getRawFragment() != null) ? "#" + uri.getRawFragment() : "");
	}

	private static int port(URI uri) {
		if (uri.getPort() >= 0) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
