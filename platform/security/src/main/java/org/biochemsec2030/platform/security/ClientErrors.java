package org.biochemsec2030.platform.security;

import java.util.Optional;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Failures that are the client's, wherever they surface: a multipart body without a
 * boundary or cut short, a form body over the server's cap, parameters that cannot be
 * decoded, an address the firewall refuses. Left alone they reach the server as
 * exceptions, and a 500 would blame the service for a bad request.
 */
final class ClientErrors {

	private ClientErrors() {
	}

	/**
	 * Whether the request itself could not be read (a multipart body, parameters): no
	 * handler can do anything with it.
	 */
	static boolean unreadable(Throwable failure) {
		for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof MultipartException || cause instanceof InvalidParameterException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether no database connection could be had (the pool's wait ran out): nothing the
	 * request did, and over as soon as the database is back.
	 */
	static boolean databaseAway(Throwable failure) {
		for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
					|| cause instanceof java.sql.SQLTransientConnectionException) {
				return true;
			}
		}
		return false;
	}

	/** The 4xx status a failure stands for, if it is a client's. */
	static Optional<Integer> status(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MaxUploadSizeExceededException) {
				return Optional.of(413);
			}
			if (cause instanceof InvalidParameterException invalid) {
				int code = invalid.getErrorCode();
				return Optional.of((code >= 400 && code < 500) ? code : 400);
			}
			if (cause instanceof MultipartException || cause instanceof RequestRejectedException) {
				return Optional.of(containsTooLarge(cause) ? 413 : 400);
			}
			if (cause instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
				return Optional.of(response.getStatusCode().value());
			}
			if (cause == cause.getCause()) {
				break;
			}
		}
		return Optional.empty();
	}

	/**
	 * Tomcat reports a part or a whole multipart body over its size as a
	 * {@code FileSizeLimitExceededException} or {@code SizeLimitExceededException} inside
	 * a generic exception.
	 */
	private static boolean containsTooLarge(Throwable failure) {
		for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			String name = cause.getClass().getSimpleName();
			if (name.endsWith("SizeLimitExceededException") || name.equals("SizeException")) {
				return true;
			}
		}
		return false;
	}

}
