package org.biochemsec2030.network.support;

/** Nothing under this name (or nothing this caller may see): a 404. */
public class NotFound extends RuntimeException {

	public NotFound(String message) {
		super(message);
	}

}
