package org.biochemsec2030.platform.search;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of public document the site search knows, each owned by one service. A closed
 * list on purpose: the search page names each facet value for readers, and a query for a
 * type nobody publishes is a mistake worth telling the caller about. A service that
 * publishes a new kind adds it here.
 */
public enum DocumentType {

	POST("post", "Blog post"), MICRO("micro", "Mini-blog post"), PAGE("page", "Page"), EVENT("event", "Network event"),
	DEVELOPMENT("development", "Tracked development"), PAPER("paper", "Briefing paper"), MEETING("meeting", "Meeting");

	private final String key;

	private final String label;

	DocumentType(String key, String label) {
		this.key = key;
		this.label = label;
	}

	/** The value stored in documents and used in URLs ({@code ?type=post}). */
	public String key() {
		return this.key;
	}

	/** The name a reader sees. */
	public String label() {
		return this.label;
	}

	public static Optional<DocumentType> fromKey(String key) {
		return Arrays.stream(values()).filter(type -> type.key.equals(key)).findFirst();
	}

}
