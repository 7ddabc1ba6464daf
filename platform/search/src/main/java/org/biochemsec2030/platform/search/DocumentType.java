package org.biochemsec2030.platform.search;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of public document, declared by the service that publishes it (content-service
 * declares posts, mini-posts and pages; the tracker its developments). The key is stored
 * in each document and used in addresses ({@code ?type=post}); the label is stored beside
 * it, so the search page names each kind for readers without keeping a list of every
 * service's kinds of its own.
 *
 * @param key lower-case letters, digits and hyphens, at most 30 characters; never changes
 * once documents carry it
 * @param label what a reader sees ("Blog post"), at most 60 characters
 */
public record DocumentType(String key, String label) {

	static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,29}");

	public DocumentType {
		Objects.requireNonNull(key, "key");
		if (!KEY.matcher(key).matches()) {
			throw new IllegalArgumentException(
					"a document type's key is lower-case letters, digits and hyphens, at most 30: " + key);
		}
		if (label == null || label.isBlank() || label.length() > 60) {
			throw new IllegalArgumentException("a document type's label is 1 to 60 characters: " + label);
		}
	}

	/** Whether a value from a request could be a type's key (it need not be in use). */
	public static boolean isKey(String value) {
		return value != null && KEY.matcher(value).matches();
	}

}
