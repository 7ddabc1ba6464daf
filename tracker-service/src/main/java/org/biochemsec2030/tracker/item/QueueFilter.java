package org.biochemsec2030.tracker.item;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.biochemsec2030.platform.security.Problems;
import org.biochemsec2030.platform.taxonomy.Taxonomy;
import org.biochemsec2030.platform.taxonomy.Topic;
import org.biochemsec2030.tracker.support.InvalidInput;

/**
 * Which items the triage queue shows; every part is optional.
 *
 * @param status new (the default queue), dismissed, promoted, or null for all
 * @param flagged only flagged items when true
 * @param tag items with this tag
 * @param topic items with this topic slug
 * @param source items reported by this source
 * @param text items whose title or summary contains this text, any case
 */
public record QueueFilter(String status, boolean flagged, String tag, String topic, UUID source, String text, int page,
		int size) {

	public static final int MAX_SIZE = 100;

	/** Far beyond any queue's end; keeps the offset a sensible number. */
	static final int MAX_OFFSET = 1_000_000;

	private static final Set<String> STATUSES = Set.of("new", "dismissed", "promoted", "all");

	public static QueueFilter newItems() {
		return new QueueFilter("new", false, null, null, null, null, 0, 50);
	}

	/**
	 * A filter as a request gives it, checked: status {@code all} means any; a topic is a
	 * slug of the shared taxonomy. Throws with one message per field that cannot be used.
	 */
	public static QueueFilter of(String status, boolean flagged, String tag, String topic, UUID source, String text,
			int page, int size) {
		List<InvalidInput.FieldProblem> problems = new ArrayList<>();
		String wanted = (status != null) ? status.strip().toLowerCase(Locale.ROOT) : "new";
		if (!STATUSES.contains(wanted)) {
			problems.add(new InvalidInput.FieldProblem("status",
					"'" + Problems.echo(status) + "' is not one of new, dismissed, promoted, all"));
		}
		String topicSlug = null;
		if (topic != null && !topic.isBlank()) {
			topicSlug = Topic.bySlug(topic).map(Topic::slug).orElse(null);
			if (topicSlug == null) {
				problems.add(new InvalidInput.FieldProblem("topic",
						"'" + Taxonomy.shownValue(topic) + "' is not a topic; use one of " + Taxonomy.TOPIC_CHOICES));
			}
		}
		String shownTag = blankToNull(tag);
		if (shownTag != null && shownTag.length() > 50) {
			problems.add(new InvalidInput.FieldProblem("tag", "a tag has at most 50 characters"));
		}
		String words = blankToNull(text);
		if (words != null && words.length() > 200) {
			problems.add(new InvalidInput.FieldProblem("q", "search for at most 200 characters"));
		}
		if (size < 1 || size > MAX_SIZE) {
			problems.add(new InvalidInput.FieldProblem("size", "use a page size from 1 to " + MAX_SIZE));
		}
		else if (page < 0 || (long) page * size > MAX_OFFSET) {
			problems.add(new InvalidInput.FieldProblem("page",
					"use a page number from 0 to " + (MAX_OFFSET / size) + " (0 is the first page)"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new QueueFilter(wanted.equals("all") ? null : wanted, flagged, shownTag, topicSlug, source, words, page,
				size);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
