package org.biochemsec2030.platform.search;

import java.time.Instant;
import java.util.List;

/**
 * Object Mother for search documents: readable defaults, one change at a time.
 */
final class Documents {

	static final Instant PUBLISHED = Instant.parse("2026-03-10T09:00:00Z");

	private Documents() {
	}

	static SearchDocument post(String id, String title, String body) {
		return new SearchDocument(id, Kinds.POST, title, "A post about " + title.toLowerCase(), body, "/blog/" + id,
				List.of("genome editing"), List.of("BWC"), List.of("policy"), List.of("Ada Lovelace"), PUBLISHED,
				PUBLISHED);
	}

	static SearchDocument with(SearchDocument d, DocumentType type, List<String> topics, List<String> regimes,
			Instant publishedAt) {
		return new SearchDocument(d.id(), type, d.title(), d.summary(), d.body(), d.url(), topics, regimes, d.tags(),
				d.people(), publishedAt, d.updatedAt());
	}

	static SearchDocument updated(SearchDocument d, String title, Instant updatedAt) {
		return new SearchDocument(d.id(), d.type(), title, d.summary(), d.body(), d.url(), d.topics(), d.regimes(),
				d.tags(), d.people(), d.publishedAt(), updatedAt);
	}

}
