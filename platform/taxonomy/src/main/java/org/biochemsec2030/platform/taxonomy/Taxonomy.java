package org.biochemsec2030.platform.taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks what a request names against the shared words: every service validates topics
 * and regimes here, so the messages a reader gets are the same everywhere. Each unknown
 * value becomes a {@link Problem} naming the field and listing the values to choose from;
 * the service turns those into its own field errors.
 */
public final class Taxonomy {

	/** The topic slugs, in their order, for messages and forms. */
	public static final String TOPIC_CHOICES = Arrays.stream(Topic.values())
		.map(Topic::slug)
		.collect(Collectors.joining(", "));

	/** The regime codes, in their order, for messages and forms. */
	public static final String REGIME_CHOICES = Arrays.stream(Regime.values())
		.map(Regime::code)
		.collect(Collectors.joining(", "));

	private Taxonomy() {
	}

	/** Topic slugs, checked and without repeats; adds a problem per unknown one. */
	public static List<String> topics(String field, List<String> values, List<Problem> problems) {
		LinkedHashSet<String> result = new LinkedHashSet<>();
		List<String> given = (values != null) ? values : List.of();
		for (int i = 0; i < given.size(); i++) {
			String value = given.get(i);
			String at = indexed(field, i);
			Topic.bySlug(value)
				.ifPresentOrElse(topic -> result.add(topic.slug()), () -> problems.add(new Problem(at,
						"'" + shownValue(value) + "' is not a topic of the taxonomy; use one of " + TOPIC_CHOICES)));
		}
		return new ArrayList<>(result);
	}

	/** Regime codes, checked and without repeats; adds a problem per unknown one. */
	public static List<String> regimes(String field, List<String> values, List<Problem> problems) {
		LinkedHashSet<String> result = new LinkedHashSet<>();
		List<String> given = (values != null) ? values : List.of();
		for (int i = 0; i < given.size(); i++) {
			String value = given.get(i);
			String at = indexed(field, i);
			Regime.byCode(value)
				.ifPresentOrElse(regime -> result.add(regime.code()), () -> problems
					.add(new Problem(at, "'" + shownValue(value) + "' is not a regime; use one of " + REGIME_CHOICES)));
		}
		return new ArrayList<>(result);
	}

	/** Whether a stored regime code is one of the suite's (search documents, events). */
	public static boolean isRegime(String code) {
		return Arrays.stream(Regime.values()).anyMatch(regime -> regime.code().equals(code));
	}

	/** Whether a stored topic slug is one of the taxonomy's. */
	public static boolean isTopic(String slug) {
		return Arrays.stream(Topic.values()).anyMatch(topic -> topic.slug().equals(slug));
	}

	private static String indexed(String field, int index) {
		return field + "[" + index + "]";
	}

	/** An invalid value as echoed in a message: never more than 60 characters of it. */
	public static String shownValue(String value) {
		if (value == null) {
			return "";
		}
		return (value.length() <= 60) ? value : value.substring(0, 57) + "...";
	}

	/**
	 * What is wrong with one value of a request.
	 *
	 * @param field the request's field, with its index for lists ({@code topics[2]})
	 * @param message what to do about it, for the reader
	 */
	public record Problem(String field, String message) {
	}

}
