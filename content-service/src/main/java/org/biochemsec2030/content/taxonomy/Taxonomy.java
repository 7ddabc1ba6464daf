package org.biochemsec2030.content.taxonomy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.biochemsec2030.content.support.InvalidInput;
import org.biochemsec2030.content.support.InvalidInput.FieldProblem;
import org.biochemsec2030.platform.security.Problems;

/**
 * content-service's use of the shared words: topics and regimes are checked by the
 * platform's taxonomy (their one owner, {@code platform/taxonomy}); free tags are
 * content's own. Problems come back as this service's field problems.
 */
public final class Taxonomy {

	private Taxonomy() {
	}

	/** Topic slugs, checked and without repeats; collects a problem per unknown one. */
	public static List<String> topics(String field, List<String> values, List<FieldProblem> problems) {
		List<org.biochemsec2030.platform.taxonomy.Taxonomy.Problem> found = new ArrayList<>();
		List<String> result = org.biochemsec2030.platform.taxonomy.Taxonomy.topics(field, values, found);
		found.forEach(problem -> problems.add(new FieldProblem(problem.field(), problem.message())));
		return result;
	}

	/** Regime codes (BWC, CWC, 1540, 2118), checked and without repeats. */
	public static List<String> regimes(String field, List<String> values, List<FieldProblem> problems) {
		List<org.biochemsec2030.platform.taxonomy.Taxonomy.Problem> found = new ArrayList<>();
		List<String> result = org.biochemsec2030.platform.taxonomy.Taxonomy.regimes(field, values, found);
		found.forEach(problem -> problems.add(new FieldProblem(problem.field(), problem.message())));
		return result;
	}

	/** A single topic filter (e.g. {@code ?topic=}), or null when none is given. */
	public static String topicFilter(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		List<FieldProblem> problems = new ArrayList<>();
		List<String> topics = topics("topic", List.of(value), problems);
		if (!problems.isEmpty()) {
			throw InvalidInput.of("topic", problems.get(0).message());
		}
		return topics.get(0);
	}

	/** A single regime filter (e.g. {@code ?regime=}), or null when none is given. */
	public static String regimeFilter(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		List<FieldProblem> problems = new ArrayList<>();
		List<String> regimes = regimes("regime", List.of(value), problems);
		if (!problems.isEmpty()) {
			throw InvalidInput.of("regime", problems.get(0).message());
		}
		return regimes.get(0);
	}

	/**
	 * Free tags, normalized to lower-case words joined by hyphens; at most 20 of at most
	 * 40 characters.
	 */
	public static List<String> tags(String field, List<String> values, List<FieldProblem> problems) {
		LinkedHashSet<String> result = new LinkedHashSet<>();
		List<String> given = (values != null) ? values : List.of();
		if (given.size() > 20) {
			problems.add(new FieldProblem(field, "use at most 20 tags"));
		}
		for (int i = 0; i < given.size(); i++) {
			// A NUL is refused like in any other text, not dropped by the normalizing.
			if (Problems.hasNul(given.get(i))) {
				problems.add(new FieldProblem(field + "[" + i + "]", Problems.NUL_MESSAGE));
				continue;
			}
			String tag = tag(given.get(i));
			if (tag.isEmpty() || tag.length() > 40) {
				problems.add(new FieldProblem(field + "[" + i + "]",
						"use a tag of 1 to 40 letters, digits or hyphens (got '" + Problems.echo(given.get(i)) + "')"));
			}
			else {
				result.add(tag);
			}
		}
		return new ArrayList<>(result);
	}

	public static String tag(String value) {
		return (value != null) ? org.biochemsec2030.content.render.Slugs.slugify(value, 60) : "";
	}

}
