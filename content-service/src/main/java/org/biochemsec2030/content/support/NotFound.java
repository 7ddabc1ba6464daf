package org.biochemsec2030.content.support;

/**
 * Nothing public (or, for editors, nothing at all) under this name: answered as a 404.
 */
public class NotFound extends RuntimeException {

	public NotFound(String message) {
		super(message);
	}

}
