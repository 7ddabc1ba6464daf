package org.biochemsec2030.publishing.paper;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Conflict-of-interest warnings for a reviewer: being an author, or sharing an
 * affiliation with one. Affiliations are compared as people write them differently: case,
 * accents, punctuation and a leading "The" do not count. A warning, not a refusal: in a
 * small field the publisher may still decide to assign the reviewer.
 */
final class Conflicts {

	private Conflicts() {
	}

	static String warning(Review.AssignInput reviewer, List<Author> authors) {
		for (Author author : authors) {
			if (reviewer.reviewerId() != null && reviewer.reviewerId().equals(author.memberId())) {
				return "The reviewer is an author of the paper.";
			}
		}
		String affiliation = normalized(reviewer.affiliation());
		if (affiliation.isEmpty()) {
			return null;
		}
		List<String> shared = authors.stream()
			.filter(author -> normalized(author.affiliation()).equals(affiliation))
			.map(Author::name)
			.toList();
		if (shared.isEmpty()) {
			return null;
		}
		return "Possible conflict of interest: the reviewer shares the affiliation '" + reviewer.affiliation().trim()
				+ "' with " + String.join(", ", shared) + ".";
	}

	static String normalized(String affiliation) {
		if (affiliation == null) {
			return "";
		}
		String ascii = Normalizer.normalize(affiliation, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim().replaceFirst("^the ", "");
	}

}
