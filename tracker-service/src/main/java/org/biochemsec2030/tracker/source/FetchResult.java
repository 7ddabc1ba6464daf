package org.biochemsec2030.tracker.source;

/** What asking a source's address gave. */
sealed interface FetchResult {

	/** A body, with the validators to send next time. */
	record Fetched(int status, byte[] body, String contentType, String etag,
			String lastModified) implements FetchResult {
	}

	/** 304: nothing new since the validators we sent. */
	record NotModified(String etag, String lastModified) implements FetchResult {
	}

	/** No usable answer; the message is for analysts. */
	record Failed(String message) implements FetchResult {
	}

}
