package org.biochemsec2030.platform.search;

/**
 * Another rebuild of the same index is running, in this replica or another one.
 */
public class RebuildInProgressException extends RuntimeException {

	public RebuildInProgressException(String message) {
		super(message);
	}

}
