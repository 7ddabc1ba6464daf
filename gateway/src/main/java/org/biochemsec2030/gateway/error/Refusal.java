package org.biochemsec2030.gateway.error;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * An error the gateway answers with words written for the reader: a title, and a detail
 * that says what happened and what to do next. Both reach the answer as they are (the
 * problem's {@code title} and {@code detail}, the error page's heading and explanation),
 * so they never carry anything from an exception message. Headers (Retry-After, the rate
 * limit's) go out with the answer.
 */
public class Refusal extends ResponseStatusException {

	private final String title;

	private final HttpHeaders headers;

	private final Action action;

	/** A way on that the error page offers (e.g. sign in again), as a link. */
	public record Action(String label, String href) {
	}

	public Refusal(HttpStatus status, String title, String detail) {
		this(status, title, detail, null, new HttpHeaders());
	}

	public Refusal(HttpStatus status, String title, String detail, Action action) {
		this(status, title, detail, action, new HttpHeaders());
	}

	public Refusal(HttpStatus status, String title, String detail, Action action, HttpHeaders headers) {
		super(status, detail);
		this.title = title;
		this.action = action;
		this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
	}

	public Action action() {
		return this.action;
	}

	public String title() {
		return this.title;
	}

	public String detail() {
		return getReason();
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	/** The same refusal with more headers for its answer. */
	public Refusal withHeaders(HttpHeaders more) {
		HttpHeaders all = new HttpHeaders();
		all.putAll(this.headers);
		all.putAll(more);
		return new Refusal(HttpStatus.valueOf(getStatusCode().value()), this.title, detail(), this.action, all);
	}

	/** The same refusal, asking the client to wait before trying again. */
	public Refusal retryAfter(Duration wait) {
		HttpHeaders retry = new HttpHeaders();
		retry.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
		return withHeaders(retry);
	}

}
