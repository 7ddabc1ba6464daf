package org.biochemsec2030.tracker.triage;

import java.util.Locale;
import java.util.UUID;

/**
 * One rule: where to look, what to look for, what to do.
 *
 * @param field title, summary, source (names and addresses of the reporting sources) or
 * any
 * @param kind keyword (words, any case and accents, at word boundaries) or regex
 * @param action tag, topic (value: a topic slug), dismiss or flag
 * @param value the tag or topic; null for dismiss and flag
 * @param position rules apply in this order
 */
public record TriageRule(UUID id, String name, Field field, Kind kind, String pattern, Action action, String value,
		int position, boolean enabled) {

	public enum Field {

		TITLE, SUMMARY, SOURCE, ANY;

		String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	public enum Kind {

		KEYWORD, REGEX;

		String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	public enum Action {

		TAG, TOPIC, DISMISS, FLAG;

		String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
