package org.biochemsec2030.tracker.support;

/**
 * A request that is well formed but not possible in the current state (publishing a
 * development nobody assessed, reviewing one's own summary): a 409 saying why.
 */
public class Conflict extends RuntimeException {

	public Conflict(String message) {
		super(message);
	}

}
