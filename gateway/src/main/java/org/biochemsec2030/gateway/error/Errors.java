package org.biochemsec2030.gateway.error;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/**
 * What an error means for the reader: the status it answers and the fixed sentence a
 * problem carries when the error brings no {@link Refusal} of its own. Exception messages
 * never reach an answer: they can name internal hosts and ports, so they stay in the log.
 */
final class Errors {

	private Errors() {
	}

	/**
	 * The error as the status it should answer: a service that cannot be reached is 503,
	 * one that does not answer in time 504, one that breaks off its answer 502, and a
	 * body over a buffer's limit 413. Anything else is left to its own status (500 when
	 * none).
	 */
	static Throwable translate(Throwable ex) {
		if (ex instanceof ResponseStatusException) {
			return ex;
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException) {
				return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "service not answering", ex);
			}
			if (cause instanceof TimeoutException
					|| cause.getClass().getName().equals("io.netty.handler.timeout.ReadTimeoutException")) {
				return new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "service too slow", ex);
			}
			if (cause.getClass().getName().equals("reactor.netty.http.client.PrematureCloseException")) {
				return new ResponseStatusException(HttpStatus.BAD_GATEWAY, "service broke off its answer", ex);
			}
			if (cause instanceof DataBufferLimitException) {
				return new Refusal(HttpStatus.CONTENT_TOO_LARGE, "Request too large",
						"The request is larger than this address accepts, so nothing was saved.");
			}
		}
		return ex;
	}

	static String title(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

	static String detail(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "The request could not be understood.";
			case 401 -> "Sign in first, or send a valid bearer token.";
			case 403 -> "You do not have access to this.";
			case 404 -> "Nothing answers at this address.";
			case 405 -> "This address does not accept the request's method.";
			case 406 -> "This address cannot answer in any of the formats the request accepts.";
			case 413 -> "The request is too large.";
			case 414 -> "The address is too long.";
			case 415 -> "This address does not accept the request's content type.";
			case 429 -> "Too many requests in a short time; wait a moment and try again.";
			case 502 -> "The service behind this address gave no usable answer; try again shortly.";
			case 503 -> "The service behind this address is not answering; try again shortly.";
			case 504 -> "The service behind this address did not answer in time.";
			default -> (status.is4xxClientError()) ? "The request could not be handled."
					: "The request could not be completed; the problem has been logged.";
		};
	}

}
