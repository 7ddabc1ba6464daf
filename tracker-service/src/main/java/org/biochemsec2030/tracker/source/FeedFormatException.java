package org.biochemsec2030.tracker.source;

/** A body that is not a feed we can read; the message is for analysts. */
class FeedFormatException extends Exception {

	FeedFormatException(String message) {
		super(message);
	}

}
