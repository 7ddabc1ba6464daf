package org.biochemsec2030.platform.search;

/**
 * Elasticsearch could not be reached or could not answer. Search is derived data: callers
 * degrade (a 503 page, a retried event) rather than fail what they were doing.
 */
public class SearchUnavailableException extends RuntimeException {

	public SearchUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
