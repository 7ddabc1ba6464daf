package org.biochemsec2030.platform.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.biochemsec2030.platform.taxonomy.Taxonomy;

/**
 * One site search request, read from the parameters of {@code /search} or
 * {@code /api/search}: {@code q}, {@code type}, {@code topic}, {@code regime},
 * {@code year} (each facet may repeat; values of one facet widen the search, different
 * facets narrow it) and {@code page}.
 *
 * @param text what the reader typed, at most {@link #MAX_TEXT} characters; blank lists
 * the newest documents
 * @param truncated whether the reader's text was longer and has been cut
 * @param types facet filter on the document type
 * @param topics facet filter on topics
 * @param regimes facet filter on regimes (the shared taxonomy's regime codes)
 * @param years facet filter on the publication year
 * @param page 1-based result page
 */
public record SearchQuery(String text, boolean truncated, Set<String> types, Set<String> topics, Set<String> regimes,
		Set<Integer> years, int page) {

	public static final int PAGE_SIZE = 10;

	/** Deep pages are slow for the engine and of no use to a reader; a query narrows. */
	public static final int MAX_PAGE = 100;

	/**
	 * Longer text only slows the query down (every word becomes a clause on several
	 * fields) without finding anything better.
	 */
	public static final int MAX_TEXT = 200;

	private static final int MAX_VALUES = 10;

	private static final int MAX_TOPIC = 100;

	private static final Pattern YEAR = Pattern.compile("[12][0-9]{3}");

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	public SearchQuery {
		text = (text != null) ? text : "";
		types = Set.copyOf(types);
		topics = Set.copyOf(topics);
		regimes = Set.copyOf(regimes);
		years = Set.copyOf(years);
		if (page < 1 || page > MAX_PAGE) {
			throw new InvalidSearchQueryException("page", "page must be a whole number from 1 to " + MAX_PAGE);
		}
	}

	/** A plain text query, first page, no filters. */
	public static SearchQuery of(String text) {
		return parse(Map.of("q", List.of(text)));
	}

	/**
	 * Reads request parameters. Unknown parameters are ignored (links carry tracking
	 * parameters); a known one with a value that cannot be right is refused with a
	 * message naming it.
	 * @throws InvalidSearchQueryException if a parameter's value is not acceptable
	 */
	public static SearchQuery parse(Map<String, List<String>> parameters) {
		String raw = first(parameters, "q");
		String text = CONTROL.matcher(raw).replaceAll(" ").strip().replaceAll("\\s+", " ");
		boolean truncated = text.length() > MAX_TEXT;
		if (truncated) {
			int cut = text.lastIndexOf(' ', MAX_TEXT);
			text = text.substring(0, (cut > MAX_TEXT / 2) ? cut : MAX_TEXT);
		}
		// Each service declares its own kinds, so the search cannot list them all here: a
		// key
		// of the right form that no document carries simply finds nothing.
		Set<String> types = new LinkedHashSet<>();
		for (String value : values(parameters, "type")) {
			if (!DocumentType.isKey(value)) {
				throw new InvalidSearchQueryException("type",
						"type must be a kind of page such as post or paper (lower-case letters and hyphens), not '"
								+ Taxonomy.shownValue(value) + "'");
			}
			types.add(value);
		}
		Set<String> topics = new LinkedHashSet<>();
		for (String value : values(parameters, "topic")) {
			if (value.isBlank() || value.length() > MAX_TOPIC || CONTROL.matcher(value).find()) {
				throw new InvalidSearchQueryException("topic",
						"topic must be a topic name of at most " + MAX_TOPIC + " characters");
			}
			topics.add(value);
		}
		Set<String> regimes = new LinkedHashSet<>();
		for (String value : values(parameters, "regime")) {
			if (!Taxonomy.isRegime(value)) {
				throw new InvalidSearchQueryException("regime", "regime must be one of " + Taxonomy.REGIME_CHOICES
						+ ", not '" + Taxonomy.shownValue(value) + "'");
			}
			regimes.add(value);
		}
		Set<Integer> years = new LinkedHashSet<>();
		for (String value : values(parameters, "year")) {
			if (!YEAR.matcher(value).matches()) {
				throw new InvalidSearchQueryException("year", "year must be a four-digit year, not '" + value + "'");
			}
			years.add(Integer.valueOf(value));
		}
		String pageValue = first(parameters, "page").strip();
		int page = 1;
		if (!pageValue.isEmpty()) {
			try {
				page = Integer.parseInt(pageValue);
			}
			catch (NumberFormatException ex) {
				page = -1;
			}
		}
		return new SearchQuery(text, truncated, types, topics, regimes, years, page);
	}

	/** Whether any facet filter is set. */
	public boolean filtered() {
		return !this.types.isEmpty() || !this.topics.isEmpty() || !this.regimes.isEmpty() || !this.years.isEmpty();
	}

	private static String first(Map<String, List<String>> parameters, String name) {
		List<String> values = parameters.get(name);
		if (values == null || values.isEmpty() || values.get(0) == null) {
			return "";
		}
		if (values.size() > 1 && "page".equals(name)) {
			throw new InvalidSearchQueryException(name, name + " may be given once");
		}
		return values.get(0);
	}

	private static List<String> values(Map<String, List<String>> parameters, String name) {
		List<String> values = parameters.getOrDefault(name, List.of())
			.stream()
			.filter(value -> value != null && !value.isEmpty())
			.toList();
		if (values.size() > MAX_VALUES) {
			throw new InvalidSearchQueryException(name, name + " may be given at most " + MAX_VALUES + " times");
		}
		return values;
	}

}
