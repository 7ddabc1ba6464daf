package org.biochemsec2030.network.support;

/**
 * A step the item's state does not allow (approving a rejected application, cancelling a
 * cancelled meeting): a 409 with the reason.
 */
public class Conflict extends RuntimeException {

	public Conflict(String message) {
		super(message);
	}

}
