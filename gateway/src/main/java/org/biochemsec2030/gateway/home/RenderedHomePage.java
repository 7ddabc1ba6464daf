package org.biochemsec2030.gateway.home;

import java.nio.ByteBuffer;
import java.util.List;

import org.biochemsec2030.gateway.identity.Sessions;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Renders the home page once per change of its sections for everyone who is not signed
 * in, instead of once per reader. Rendering the template is most of what a home page
 * costs the gateway, and for anonymous readers the page depends on nothing but the
 * sections' latest answers. A reader with a session cookie (perhaps signed in: the header
 * names the user) gets a page rendered for them, as before.
 * <p>
 * Runs after SiteHeaders (the first filter of all), so a reused page carries the same
 * security headers as a freshly rendered one.
 */
@Component
class RenderedHomePage implements WebFilter, Ordered {

	/** The sections a page is rendered from, so the page matches the one kept. */
	static final String SECTIONS = RenderedHomePage.class.getName() + ".sections";

	private final HomeSections sections;

	private volatile Page kept;

	RenderedHomePage(HomeSections sections) {
		this.sections = sections;
	}

	@Override
	public int getOrder() {
		// After Spring Security's chain (-100) and the form body cache (-200).
		return 0;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (request.getMethod() != HttpMethod.GET || !"/".equals(request.getPath().pathWithinApplication().value())
				|| request.getCookies().containsKey(Sessions.COOKIE)) {
			return chain.filter(exchange);
		}
		List<HomeSection> latest = this.sections.latest();
		if (latest == null) {
			return chain.filter(exchange);
		}
		Page page = this.kept;
		if (page != null && page.sections().equals(latest)) {
			return page.writeTo(exchange.getResponse());
		}
		exchange.getAttributes().put(SECTIONS, latest);
		return chain.filter(exchange.mutate().response(new Keeping(exchange.getResponse(), latest)).build());
	}

	/** One rendered page and what it was rendered from. */
	record Page(List<HomeSection> sections, MediaType contentType, String contentLanguage, byte[] body) {

		Mono<Void> writeTo(ServerHttpResponse response) {
			response.setStatusCode(HttpStatus.OK);
			HttpHeaders headers = response.getHeaders();
			headers.setContentType(this.contentType);
			if (this.contentLanguage != null) {
				headers.set(HttpHeaders.CONTENT_LANGUAGE, this.contentLanguage);
			}
			headers.setContentLength(this.body.length);
			return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(this.body)));
		}

	}

	/** Passes the rendered page on and keeps a copy when it is a complete 200 page. */
	private final class Keeping extends ServerHttpResponseDecorator {

		private final List<HomeSection> renderedFrom;

		Keeping(ServerHttpResponse delegate, List<HomeSection> renderedFrom) {
			super(delegate);
			this.renderedFrom = renderedFrom;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
				HttpStatus status = HttpStatus.resolve(getStatusCode() != null ? getStatusCode().value() : 200);
				MediaType type = getHeaders().getContentType();
				if (status == HttpStatus.OK && type != null && type.isCompatibleWith(MediaType.TEXT_HTML)) {
					byte[] bytes = new byte[joined.readableByteCount()];
					joined.toByteBuffer(0, ByteBuffer.wrap(bytes), 0, bytes.length);
					RenderedHomePage.this.kept = new Page(this.renderedFrom, type,
							getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE), bytes);
				}
				return super.writeWith(Mono.just(joined));
			});
		}

	}

}
