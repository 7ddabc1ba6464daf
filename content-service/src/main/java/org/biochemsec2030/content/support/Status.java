package org.biochemsec2030.content.support;

/** Where a post or mini-post is in the editorial workflow. */
public enum Status {

	DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, ARCHIVED;

	/** Parses a status filter such as {@code draft} or {@code IN_REVIEW}. */
	public static Status parse(String field, String value) {
		try {
			return Status.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInput.of(field, "use one of draft, in_review, scheduled, published, archived");
		}
	}

}
