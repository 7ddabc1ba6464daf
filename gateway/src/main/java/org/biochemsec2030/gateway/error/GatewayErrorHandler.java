package org.biochemsec2030.gateway.error;

import java.net.ConnectException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Errors the gateway answers itself. A service that cannot be reached is "503 service
 * unavailable" rather than a bare 500. Under {@code /api/**} the answer is RFC 9457
 * problem JSON, as the services' own APIs answer; everywhere else the error passes on to
 * Boot's handler, which renders the shared error pages for browsers (platform/web).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GatewayErrorHandler implements WebExceptionHandler {

	private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

	private final JsonMapper json;

	GatewayErrorHandler(JsonMapper json) {
		this.json = json;
	}

	/** The wire form of RFC 9457 problem details, with the members we use. */
	record Problem(String type, String title, int status, String detail, String instance) {
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		Throwable error = serviceUnreachable(ex)
				? new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "service not answering", ex) : ex;
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!path.startsWith("/api/") || exchange.getResponse().isCommitted()) {
			return Mono.error(error);
		}
		HttpStatusCode status = (error instanceof ResponseStatusException rse) ? rse.getStatusCode()
				: HttpStatus.INTERNAL_SERVER_ERROR;
		if (status.is5xxServerError()) {
			log.warn("{} {} answered {}: {}", exchange.getRequest().getMethod(), path, status.value(), ex.toString());
		}
		Problem problem = new Problem("about:blank", reason(status), status.value(), detail(status), path);
		byte[] body = this.json.writeValueAsBytes(problem);
		exchange.getResponse().setStatusCode(status);
		exchange.getResponse().getHeaders().setContentType(PROBLEM_JSON);
		DataBuffer buffer = exchange.getResponse().bufferFactory().wrap(body);
		return exchange.getResponse().writeWith(Mono.just(buffer));
	}

	private static boolean serviceUnreachable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				return true;
			}
		}
		return false;
	}

	private static String reason(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

	// Fixed sentences: exception messages can carry internal addresses and stay in the
	// log.
	private static String detail(HttpStatusCode status) {
		return switch (status.value()) {
			case 404 -> "No API answers at this path.";
			case 503 -> "The service behind this path is not answering; try again shortly.";
			case 504 -> "The service behind this path did not answer in time.";
			default -> (status.is4xxClientError()) ? "The request could not be handled."
					: "The request could not be completed.";
		};
	}

}
