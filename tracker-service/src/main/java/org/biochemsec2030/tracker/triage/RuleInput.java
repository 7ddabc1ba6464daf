package org.biochemsec2030.tracker.triage;

/**
 * A rule as an analyst writes it: {@code field} title, summary, source or any;
 * {@code kind} keyword or regex; {@code action} tag, topic, dismiss or flag, with
 * {@code value} the tag or topic slug.
 */
public record RuleInput(String name, String field, String kind, String pattern, String action, String value,
		Integer position) {
}
