package org.biochemsec2030.tracker.triage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.biochemsec2030.tracker.item.ItemText;
import org.biochemsec2030.tracker.item.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set, compiled, applied to one item. Every enabled rule that matches acts, in
 * order: tags and topics add up; a dismissal moves the item out of the queue unless a
 * rule also flagged it, because a flagged item must always reach an analyst.
 */
final class Rules {

	private static final Logger logger = LoggerFactory.getLogger(Rules.class);

	private final List<Compiled> rules;

	private Rules(List<Compiled> rules) {
		this.rules = rules;
	}

	static Rules of(List<TriageRule> rules) {
		return of(rules, GuardedRegex.BUDGET);
	}

	/** With another budget per regex match: shows the guard on short texts. */
	static Rules of(List<TriageRule> rules, long budget) {
		List<Compiled> compiled = new ArrayList<>();
		for (TriageRule rule : rules) {
			if (!rule.enabled()) {
				continue;
			}
			try {
				compiled.add(new Compiled(rule, matcher(rule, budget)));
			}
			catch (IllegalArgumentException ex) {
				// Stored rules were checked when written; one that no longer compiles
				// is skipped rather than stopping ingestion.
				logger.warn("Skipping triage rule {}: {}", rule.name(), ex.getMessage());
			}
		}
		return new Rules(List.copyOf(compiled));
	}

	Verdict apply(ItemText text) {
		Set<String> tags = new LinkedHashSet<>();
		Set<String> topics = new LinkedHashSet<>();
		List<String> matched = new ArrayList<>();
		boolean dismissed = false;
		boolean flagged = false;
		for (Compiled rule : this.rules) {
			if (!rule.matches(text)) {
				continue;
			}
			matched.add(rule.rule().name());
			switch (rule.rule().action()) {
				case TAG -> tags.add(rule.rule().value());
				case TOPIC -> topics.add(rule.rule().value());
				case DISMISS -> dismissed = true;
				case FLAG -> flagged = true;
			}
		}
		return new Verdict(List.copyOf(tags), List.copyOf(topics), dismissed && !flagged, flagged, matched);
	}

	/** Checks a rule's pattern; the message says what is wrong with it. */
	static void check(TriageRule rule) {
		matcher(rule, GuardedRegex.BUDGET);
	}

	private static Matcher matcher(TriageRule rule, long budget) {
		if (rule.kind() == TriageRule.Kind.REGEX) {
			GuardedRegex regex = GuardedRegex.compile(rule.pattern()).withBudget(budget);
			return regex::find;
		}
		String phrase = words(rule.pattern());
		if (phrase.isBlank()) {
			throw new IllegalArgumentException("a keyword needs at least one letter or digit");
		}
		String needle = " " + phrase + " ";
		return text -> (" " + words(text) + " ").contains(needle);
	}

	/** Lower case, accents and punctuation removed, words separated by one blank. */
	static String words(String text) {
		if (text == null) {
			return "";
		}
		String bounded = (text.length() > GuardedRegex.MAX_TEXT) ? text.substring(0, GuardedRegex.MAX_TEXT) : text;
		return Normalizer.normalize(bounded, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^\\p{L}\\p{N}]+", " ")
			.strip();
	}

	@FunctionalInterface
	private interface Matcher {

		boolean find(String text);

	}

	private record Compiled(TriageRule rule, Matcher matcher) {

		boolean matches(ItemText text) {
			try {
				return switch (this.rule.field()) {
					case TITLE -> this.matcher.find(text.title());
					case SUMMARY -> this.matcher.find(text.summary());
					case SOURCE -> text.sources().stream().anyMatch(this.matcher::find);
					case ANY -> this.matcher.find(text.title()) || this.matcher.find(text.summary())
							|| text.sources().stream().anyMatch(this.matcher::find);
				};
			}
			catch (GuardedRegex.TooCostly ex) {
				logger.warn("Triage rule {} gave up on an item: {}", this.rule.name(), ex.getMessage());
				return false;
			}
		}

	}

}
