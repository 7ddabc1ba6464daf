package org.biochemsec2030.platform.search;

/**
 * A search request a reader can fix: the message says which parameter is wrong and what
 * it accepts.
 */
public class InvalidSearchQueryException extends RuntimeException {

	private final String parameter;

	public InvalidSearchQueryException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	/** The request parameter at fault, e.g. {@code page}. */
	public String parameter() {
		return this.parameter;
	}

}
