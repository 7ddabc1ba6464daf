package org.biochemsec2030.content.taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.biochemsec2030.content.support.InvalidInput;
import org.biochemsec2030.content.support.InvalidInput.FieldProblem;

/**
 * The suite's shared vocabulary: topics (the same list as the tracker's) and the regimes
 * a text concerns. Requests name topics by slug and regimes by code; anything else is
 * refused with the list to choose from.
 */
public final class Taxonomy {

	private Taxonomy() {
	}

	public enum Topic {

		GENOME_EDITING("genome-editing", "Genome editing"), SYNTHETIC_BIOLOGY("synthetic-biology", "Synthetic biology"),
		CHEMICAL_SYNTHESIS("chemical-synthesis", "Chemical synthesis"),
		AI_ENABLED_DESIGN("ai-enabled-design", "AI-enabled design"),
		DELIVERY_SYSTEMS("delivery-systems", "Delivery systems"),
		DETECTION_AND_VERIFICATION("detection-verification", "Detection & verification"),
		BIOSAFETY_AND_BIOSECURITY_POLICY("biosafety-biosecurity-policy", "Biosafety & biosecurity policy");

		private final String slug;

		private final String label;

		Topic(String slug, String label) {
			this.slug = slug;
			this.label = label;
		}

		public String slug() {
			return this.slug;
		}

		public String label() {
			return this.label;
		}

		public static Optional<Topic> bySlug(String slug) {
			return Arrays.stream(values()).filter(topic -> topic.slug.equals(slug)).findFirst();
		}

	}

	public enum Regime {

		BWC("BWC", "Biological Weapons Convention"), CWC("CWC", "Chemical Weapons Convention"),
		UNSCR_1540("1540", "UN Security Council resolution 1540 (2004)");

		private final String code;

		private final String label;

		Regime(String code, String label) {
			this.code = code;
			this.label = label;
		}

		public String code() {
			return this.code;
		}

		public String label() {
			return this.label;
		}

		public static Optional<Regime> byCode(String code) {
			return Arrays.stream(values()).filter(regime -> regime.code.equalsIgnoreCase(code.trim())).findFirst();
		}

	}

	private static final String TOPIC_CHOICES = Arrays.stream(Topic.values())
		.map(Topic::slug)
		.collect(Collectors.joining(", "));

	private static final String REGIME_CHOICES = Arrays.stream(Regime.values())
		.map(Regime::code)
		.collect(Collectors.joining(", "));

	/** Topic slugs, checked and without repeats; collects a problem per unknown one. */
	public static List<String> topics(String field, List<String> values, List<FieldProblem> problems) {
		LinkedHashSet<String> result = new LinkedHashSet<>();
		List<String> given = (values != null) ? values : List.of();
		for (int i = 0; i < given.size(); i++) {
			String value = (given.get(i) != null) ? given.get(i).trim().toLowerCase(Locale.ROOT) : "";
			Optional<Topic> topic = Topic.bySlug(value);
			if (topic.isPresent()) {
				result.add(topic.get().slug());
			}
			else {
				problems.add(new FieldProblem(field + "[" + i + "]",
						"'" + given.get(i) + "' is not a topic of the taxonomy; use one of " + TOPIC_CHOICES));
			}
		}
		return new ArrayList<>(result);
	}

	/** Regime codes (BWC, CWC, 1540), checked and without repeats. */
	public static List<String> regimes(String field, List<String> values, List<FieldProblem> problems) {
		LinkedHashSet<String> result = new LinkedHashSet<>();
		List<String> given = (values != null) ? values : List.of();
		for (int i = 0; i < given.size(); i++) {
			String value = (given.get(i) != null) ? given.get(i) : "";
			Optional<Regime> regime = Regime.byCode(value);
			if (regime.isPresent()) {
				result.add(regime.get().code());
			}
			else {
				problems.add(new FieldProblem(field + "[" + i + "]",
						"'" + value + "' is not a regime; use one of " + REGIME_CHOICES));
			}
		}
		return new ArrayList<>(result);
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
			String tag = tag(given.get(i));
			if (tag.isEmpty() || tag.length() > 40) {
				problems.add(new FieldProblem(field + "[" + i + "]",
						"use a tag of 1 to 40 letters, digits or hyphens (got '" + given.get(i) + "')"));
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
