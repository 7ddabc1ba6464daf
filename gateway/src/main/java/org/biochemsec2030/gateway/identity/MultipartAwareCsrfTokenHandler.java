package org.biochemsec2030.gateway.identity;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Takes the token from the {@code X-CSRF-TOKEN} header or the {@code _csrf} form field as
 * usual, and for multipart uploads from the {@code _csrf} query parameter: reading a
 * multipart body here would consume the upload before it is relayed to the service.
 */
final class MultipartAwareCsrfTokenHandler implements ServerCsrfTokenRequestHandler {

	private final XorServerCsrfTokenRequestAttributeHandler standard = new XorServerCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
		this.standard.handle(exchange, csrfToken);
	}

	@Override
	public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		if (type != null && MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
			String header = exchange.getRequest().getHeaders().getFirst(csrfToken.getHeaderName());
			String query = exchange.getRequest().getQueryParams().getFirst(csrfToken.getParameterName());
			if (header == null && query != null) {
				// Presented as the header, which the standard resolution reads before any
				// body.
				ServerWebExchange withHeader = exchange.mutate()
					.request(request -> request.header(csrfToken.getHeaderName(), query))
					.build();
				return this.standard.resolveCsrfTokenValue(withHeader, csrfToken);
			}
			return header != null ? this.standard.resolveCsrfTokenValue(exchange, csrfToken) : Mono.empty();
		}
		return this.standard.resolveCsrfTokenValue(exchange, csrfToken);
	}

}
