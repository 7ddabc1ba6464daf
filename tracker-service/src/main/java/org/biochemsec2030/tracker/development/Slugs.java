package org.biochemsec2030.tracker.development;

import java.text.Normalizer;
import java.util.Locale;

/** Addresses from titles: ASCII letters and digits joined by hyphens, at most 80. */
final class Slugs {

	private Slugs() {
	}

	static String of(String title) {
		String slug = Normalizer.normalize(title, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-+|-+$)", "");
		if (slug.length() > 80) {
			slug = slug.substring(0, 80).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? "development" : slug;
	}

}
