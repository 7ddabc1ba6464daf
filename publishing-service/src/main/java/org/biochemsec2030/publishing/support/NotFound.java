package org.biochemsec2030.publishing.support;

/** Nothing (public, or at all for staff) under this name: answered as a 404. */
public class NotFound extends RuntimeException {

	public NotFound(String message) {
		super(message);
	}

}
