package org.biochemsec2030.publishing.render;

import java.text.Normalizer;
import java.util.Locale;

/** URL names made from titles: lower-case ASCII words joined by hyphens. */
public final class Slugs {

	private Slugs() {
	}

	public static String slugify(String text, int maxLength) {
		String ascii = Normalizer.normalize((text != null) ? text : "", Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		String slug = ascii.toLowerCase(Locale.ROOT)
			.replace("&", " and ")
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-+|-+$", "");
		if (slug.length() > maxLength) {
			slug = slug.substring(0, maxLength);
			int cut = slug.lastIndexOf('-');
			if (cut > maxLength / 2) {
				slug = slug.substring(0, cut);
			}
			slug = slug.replaceAll("-+$", "");
		}
		return slug;
	}

}
