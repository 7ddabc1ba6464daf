package org.biochemsec2030.platform.events;

/**
 * A record that cannot be read as a CloudEvent: retrying cannot help, it goes to the DLT.
 */
public class NotACloudEventException extends RuntimeException {

	NotACloudEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
