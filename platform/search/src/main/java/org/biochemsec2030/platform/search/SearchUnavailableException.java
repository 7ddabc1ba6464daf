package org.biochemsec2030.platform.search;

import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Elasticsearch could not be reached or could not answer. Search is derived data: callers
 * degrade (a 503 page, a retried event) rather than fail what they were doing.
 * <p>
 * A {@link TransientDataAccessResourceException} on purpose: that is Spring's word for
 * "the resource fails for now, the same call may succeed later", and the event consumers
 * wait on it (they deliver the event again until the engine is back) instead of counting
 * it as a failure of the event, which would send every change made during an outage to
 * the dead letters.
 */
public class SearchUnavailableException extends TransientDataAccessResourceException {

	public SearchUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
