package org.biochemsec2030.platform.taxonomy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The fields of science and technology the suite follows. Posts, tracked developments,
 * papers, meetings and member interests are all tagged with these, so one topic page, one
 * search facet and one digest preference cover every service. Requests name a topic by
 * its slug; the slug is stored, so it never changes once in use.
 */
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

	/** The topic with this slug, ignoring case and surrounding blanks. */
	public static Optional<Topic> bySlug(String slug) {
		if (slug == null) {
			return Optional.empty();
		}
		String wanted = slug.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(topic -> topic.slug.equals(wanted)).findFirst();
	}

}
