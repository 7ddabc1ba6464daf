package org.biochemsec2030.gateway.identity;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Services render forms that post back through the gateway, so they need the session's
 * CSRF token: the gateway hands it over in a request header. Only for requests already in
 * a session: creating one for every anonymous page view would cost a session write each,
 * and anonymous forms need no token (see {@link GatewaySecurity}).
 */
@Component
class CsrfTokenForServices implements GlobalFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		// Mutating copies every header; most requests carry neither a handover header to
		// drop nor a session to hand a token over for, and pass as they are.
		boolean forged = exchange.getRequest().getHeaders().containsHeader(Sessions.CSRF_HEADER);
		ServerWebExchange cleaned = forged ? exchange.mutate()
			.request(request -> request.headers(headers -> headers.remove(Sessions.CSRF_HEADER)))
			.build() : exchange;
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		if (token == null || !exchange.getRequest().getCookies().containsKey(Sessions.COOKIE)) {
			return chain.filter(cleaned);
		}
		return token
			.map(csrf -> cleaned.mutate()
				.request(request -> request.header(Sessions.CSRF_HEADER, csrf.getToken()))
				.build())
			.defaultIfEmpty(cleaned)
			.flatMap(chain::filter);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

}
