package org.biochemsec2030.platform.search;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link SearchDocument} as stored in Elasticsearch: the same fields plus what the
 * index derives from them (the year facet, the completion suggester's inputs), so that a
 * service never has to fill them in.
 */
record IndexedDocument(String id, String type, String typeLabel, String title, String summary, String body, String url,
		List<String> topics, List<String> regimes, List<String> tags, List<String> people, Instant publishedAt,
		Instant updatedAt, Integer year, Suggest suggest) {

	/** The completion suggester cuts longer inputs at this length (see the mapping). */
	private static final int MAX_SUGGEST_INPUT = 60;

	record Suggest(List<String> input) {
	}

	static IndexedDocument of(SearchDocument document) {
		Integer year = (document.publishedAt() != null) ? document.publishedAt().atZone(ZoneOffset.UTC).getYear()
				: null;
		return new IndexedDocument(document.id(), document.type().key(), document.type().label(), document.title(),
				document.summary(), document.body(), document.url(), document.topics(), document.regimes(),
				document.tags(), document.people(), document.publishedAt(), document.updatedAt(), year,
				new Suggest(suggestInputs(document)));
	}

	/**
	 * The phrases a reader may start typing: the title, topics, tags and people's names.
	 */
	private static List<String> suggestInputs(SearchDocument document) {
		Set<String> inputs = new LinkedHashSet<>();
		inputs.add(document.title());
		inputs.addAll(document.topics());
		inputs.addAll(document.tags());
		inputs.addAll(document.people());
		List<String> trimmed = new ArrayList<>();
		for (String input : inputs) {
			String value = input.strip();
			if (!value.isEmpty()) {
				trimmed.add((value.length() > MAX_SUGGEST_INPUT) ? value.substring(0, MAX_SUGGEST_INPUT) : value);
			}
		}
		return trimmed;
	}

}
