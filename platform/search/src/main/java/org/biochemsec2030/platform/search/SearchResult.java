package org.biochemsec2030.platform.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of site search results, as the search page shows it and {@code /api/search}
 * answers it.
 *
 * @param query the text that was searched (after cutting an overlong one)
 * @param truncated whether the reader's text was cut to {@link SearchQuery#MAX_TEXT}
 * characters
 * @param total how many documents match the text and every facet filter
 * @param page this page, 1-based
 * @param pages how many pages there are (at most {@link SearchQuery#MAX_PAGE})
 * @param hits this page's documents, best first (newest first without text)
 * @param facets for each facet ({@code type}, {@code topic}, {@code regime},
 * {@code year}) its values and how many documents each would give, taking the other
 * facets' filters into account
 * @param typeLabels the reader's name of each kind of page among the hits and the type
 * facet, by key ({@code post} → "Blog post"); each service declares its own kinds
 * @param suggestions phrases from titles, topics, tags and names that start like the text
 * @param didYouMean the text with misspelt words replaced by ones the index knows, or
 * null
 */
public record SearchResult(String query, boolean truncated, long total, int page, int pages, List<Hit> hits,
		Map<String, Map<String, Long>> facets, Map<String, String> typeLabels, List<String> suggestions,
		String didYouMean) {

	/** The reader's name of a kind of page, or its key when no document named it. */
	public String typeLabel(String key) {
		return this.typeLabels.getOrDefault(key, key);
	}

	/**
	 * @param type the document type's key ({@code post}, {@code paper}, ...)
	 * @param title plain text
	 * @param url the page's path on the site
	 * @param summary plain text
	 * @param highlight HTML: passages of the text with the query's words in
	 * {@code <mark>}; everything else in it is escaped. Null without a text query.
	 * @param publishedAt when the page went public, if known
	 */
	public record Hit(String type, String title, String url, String summary, String highlight, Instant publishedAt) {
	}

	/** Whether nothing matched: the page then offers help instead of results. */
	public boolean empty() {
		return this.total == 0;
	}

}
