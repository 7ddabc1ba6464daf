package org.biochemsec2030.gateway.identity;

import java.util.Map;

import org.biochemsec2030.gateway.error.Refusal;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.FormHttpMessageReader;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Lets the CSRF check read a form's {@code _csrf} field without eating the form: a
 * request body can be read once, and the gateway must still relay it to the service.
 * URL-encoded form bodies (small by nature; capped) are read into memory before security
 * runs and replayed to every reader.
 */
@Component
@Order(-200) // before Spring Security's filter chain (-100)
class CachedFormBody implements WebFilter {

	static final int MAX_FORM_BYTES = 512 * 1024;

	// The reader's own buffer defaults to 256 kB: a form between that and the cap passed
	// the cap and then failed in the CSRF check's read, a 500.
	private static final FormHttpMessageReader FORMS = new FormHttpMessageReader();

	static {
		FORMS.setMaxInMemorySize(MAX_FORM_BYTES);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
			return chain.filter(exchange);
		}
		return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_FORM_BYTES)
			.onErrorMap(DataBufferLimitExceeded::is, ex -> new Refusal(HttpStatus.CONTENT_TOO_LARGE, "Form too large",
					"A form may be at most " + MAX_FORM_BYTES / 1024 + " kB, and this one is larger, so nothing was "
							+ "saved. Shorten the text (or split it over two items) and send it again."))
			.map(buffer -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			})
			.defaultIfEmpty(new byte[0])
			.flatMap(bytes -> chain.filter(replaying(exchange, bytes)));
	}

	private static ServerWebExchange replaying(ServerWebExchange exchange, byte[] bytes) {
		ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
			}
		};
		Mono<MultiValueMap<String, String>> form = FORMS
			.readMono(ResolvableType.forClassWithGenerics(MultiValueMap.class, String.class, String.class), request,
					Map.of())
			.cache();
		ServerWebExchange withRequest = exchange.mutate().request(request).build();
		return new ServerWebExchangeDecorator(withRequest) {
			@Override
			public Mono<MultiValueMap<String, String>> getFormData() {
				return form;
			}
		};
	}

	private static final class DataBufferLimitExceeded {

		static boolean is(Throwable ex) {
			return ex instanceof org.springframework.core.io.buffer.DataBufferLimitException;
		}

	}

}
