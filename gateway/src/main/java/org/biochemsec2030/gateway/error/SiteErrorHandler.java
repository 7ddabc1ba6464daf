package org.biochemsec2030.gateway.error;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webflux.autoconfigure.error.DefaultErrorWebExceptionHandler;
import org.springframework.boot.webflux.error.ErrorAttributes;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every error the gateway answers, in one of two shapes: RFC 9457 problem JSON for API
 * clients (anything under {@code /api/}, and any client that does not take HTML), and the
 * site's error page for browsers. Errors that come with a {@link Refusal} (a form too
 * large, a CSRF check failed, too many requests, a request the firewall refused) say what
 * happened and what to do; the others get the shared status pages of platform/web and a
 * fixed sentence per status. The security headers are written for every answer by
 * {@code SiteHeaders}, these included.
 */
class SiteErrorHandler extends DefaultErrorWebExceptionHandler {

	static final String REFUSAL_VIEW = "refusal";

	private static final MediaType TEXT_HTML_UTF8 = new MediaType(MediaType.TEXT_HTML,
			java.nio.charset.StandardCharsets.UTF_8);

	private static final Logger log = LoggerFactory.getLogger(SiteErrorHandler.class);

	private final JsonMapper json;

	SiteErrorHandler(ErrorAttributes errorAttributes, WebProperties web, ApplicationContext context, JsonMapper json) {
		super(errorAttributes, web.getResources(), web.getError(), context);
		this.json = json;
	}

	/** The wire form of RFC 9457 problem details, with the members we use. */
	record Problem(String type, String title, int status, String detail, String instance) {
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		Throwable error = Errors.translate(ex);
		if (error != ex) {
			log.warn("{} {} answered {}: {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath().value(), status(error).value(), ex.toString());
		}
		return super.handle(exchange, error);
	}

	@Override
	protected RouterFunction<ServerResponse> getRoutingFunction(ErrorAttributes errorAttributes) {
		return RouterFunctions.route(acceptsTextHtml().and(request -> !isApi(request)), this::page)
			.andRoute(RequestPredicates.all(), this::problem);
	}

	private static boolean isApi(ServerRequest request) {
		return request.requestPath().pathWithinApplication().value().startsWith("/api/");
	}

	private Mono<ServerResponse> page(ServerRequest request) {
		if (!(getError(request) instanceof Refusal refusal)) {
			return renderErrorView(request);
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("status", refusal.getStatusCode().value());
		model.put("error", refusal.title());
		model.put("path", request.requestPath().pathWithinApplication().value());
		model.put("heading", refusal.title());
		model.put("explanation", refusal.detail());
		if (refusal.action() != null) {
			model.put("action", refusal.action());
		}
		return ServerResponse.status(refusal.getStatusCode())
			.headers(headers -> headers.addAll(refusal.getHeaders()))
			.contentType(TEXT_HTML_UTF8)
			.render(REFUSAL_VIEW, model);
	}

	private Mono<ServerResponse> problem(ServerRequest request) {
		Throwable error = getError(request);
		HttpStatusCode status = status(request);
		String title = (error instanceof Refusal refusal) ? refusal.title() : Errors.title(status);
		String detail = (error instanceof Refusal refusal) ? refusal.detail() : Errors.detail(status);
		Problem problem = new Problem("about:blank", title, status.value(), detail,
				request.requestPath().pathWithinApplication().value());
		// A refusal's Retry-After and rate limit fields; a 405's Allow.
		HttpHeaders headers = (error instanceof ResponseStatusException rse) ? rse.getHeaders() : HttpHeaders.EMPTY;
		return ServerResponse.status(status)
			.headers(h -> h.addAll(headers))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(this.json.writeValueAsString(problem));
	}

	/**
	 * The status as Boot's error attributes decide it (a ResponseStatusException's, an
	 * annotated exception's, else 500), so both shapes agree.
	 */
	private HttpStatusCode status(ServerRequest request) {
		Object status = getErrorAttributes(request, ErrorAttributeOptions.of(ErrorAttributeOptions.Include.STATUS))
			.get("status");
		return HttpStatusCode.valueOf((status instanceof Integer code) ? code : 500);
	}

	private static HttpStatusCode status(Throwable error) {
		return (error instanceof ResponseStatusException rse) ? rse.getStatusCode() : HttpStatusCode.valueOf(500);
	}

}
