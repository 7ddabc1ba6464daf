package org.biochemsec2030.gateway.identity;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a service learns of the reader's session: never its cookie (the session is the
 * gateway's business only), and, for a request in a session, its CSRF token. Services
 * render forms that post back through the gateway, so they need the token: the gateway
 * hands it over in a request header. Only for requests already in a session: creating one
 * for every anonymous page view would cost a session write each, and anonymous forms need
 * no token (see {@link GatewaySecurity}). A handover header sent by a client is removed.
 */
@Component
class SessionHeadersForServices implements GlobalFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		// Mutating the request copies every header. Most requests (anonymous readers')
		// carry no cookie and no handover header and pass as they are, so the check
		// comes first; one copy serves every change otherwise.
		HttpHeaders sent = exchange.getRequest().getHeaders();
		boolean forged = sent.containsHeader(Sessions.CSRF_HEADER);
		boolean cookies = sent.containsHeader(HttpHeaders.COOKIE);
		ServerWebExchange cleaned = (forged || cookies)
				? exchange.mutate().request(request -> request.headers(headers -> {
					headers.remove(Sessions.CSRF_HEADER);
					headers.remove(HttpHeaders.COOKIE);
				})).build() : exchange;
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
