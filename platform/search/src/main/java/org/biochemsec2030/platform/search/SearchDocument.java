package org.biochemsec2030.platform.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.platform.taxonomy.Taxonomy;

/**
 * What every service puts into search: one public page of the site. The shape is the same
 * in every index so that one query, one set of facets and one result list cover the whole
 * site.
 *
 * @param id unique within the service's index (a post's id, a paper's slug)
 * @param type the kind of page, see {@link DocumentType}
 * @param title shown as the result's link text; weighs most in ranking
 * @param summary shown under the title; plain text
 * @param body the full text that is searched and highlighted; plain text, not HTML
 * @param url the page's path on the site ({@code /blog/2026/first-meeting-report})
 * @param topics facet values, e.g. "genome editing"
 * @param regimes codes of the shared taxonomy's regimes ({@link Regime}): "BWC", "CWC",
 * ...
 * @param tags free keywords, searched and suggested
 * @param people names of authors or speakers, searched and suggested
 * @param publishedAt when the page went public; gives the year facet (may be null)
 * @param updatedAt when the page last changed; a write carrying an older value than the
 * indexed one is ignored, so a late or replayed event never overwrites newer content
 */
public record SearchDocument(String id, DocumentType type, String title, String summary, String body, String url,
		List<String> topics, List<String> regimes, List<String> tags, List<String> people, Instant publishedAt,
		Instant updatedAt) {

	public SearchDocument {
		requireText(id, "id");
		Objects.requireNonNull(type, "type");
		requireText(title, "title");
		requireText(url, "url");
		Objects.requireNonNull(updatedAt, "updatedAt");
		summary = (summary != null) ? summary : "";
		body = (body != null) ? body : "";
		topics = (topics != null) ? List.copyOf(topics) : List.of();
		regimes = (regimes != null) ? List.copyOf(regimes) : List.of();
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		people = (people != null) ? List.copyOf(people) : List.of();
		for (String regime : regimes) {
			if (!Taxonomy.isRegime(regime)) {
				throw new IllegalArgumentException(
						"regime must be one of " + Taxonomy.REGIME_CHOICES + ", not " + regime);
			}
		}
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}

}
