package org.biochemsec2030.content.support;

import org.biochemsec2030.platform.security.Problems;

/**
 * The {@code q} of the editorial lists: words an editor looks for in titles, summaries
 * and texts, matched case-insensitively as one piece of text.
 */
public final class TextFilter {

	public static final int MAX_LENGTH = 200;

	private TextFilter() {
	}

	/** The text to look for, or null when there is none. */
	public static String parse(String field, String q) {
		if (q == null || q.isBlank()) {
			return null;
		}
		if (Problems.hasNul(q)) {
			throw InvalidInput.of(field, Problems.NUL_MESSAGE);
		}
		String text = q.strip();
		if (text.length() > MAX_LENGTH) {
			throw InvalidInput.of(field, "shorten the search to " + MAX_LENGTH + " characters at most");
		}
		return text;
	}

}
