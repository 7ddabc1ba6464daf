package org.biochemsec2030.tracker.support;

/** Nothing under this id or name: a 404. */
public class NotFound extends RuntimeException {

	public NotFound(String message) {
		super(message);
	}

}
