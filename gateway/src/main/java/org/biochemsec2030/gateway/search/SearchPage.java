package org.biochemsec2030.gateway.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.biochemsec2030.platform.search.SearchQuery;
import org.biochemsec2030.platform.search.SearchResult;
import org.biochemsec2030.platform.taxonomy.Regime;

/**
 * What the search page shows, with every link already built: a template then only lays it
 * out. Each facet value links to the same search with that value added or removed, so the
 * page works as plain links without JavaScript.
 *
 * @param query the text in the search box
 * @param truncated whether the text was cut
 * @param error what was wrong with the request, or null
 * @param unavailable whether search could not answer
 * @param result the result, or null when there is none to show
 * @param hits the results of this page
 * @param facets the facets with their values
 * @param active the filters in force, each with a link that removes it
 * @param clearFilters a link to the same text without filters, or null
 * @param pages the pagination links, empty for a single page
 * @param previous the previous page's link, or null
 * @param next the next page's link, or null
 * @param suggestions completions of the text, as links
 * @param didYouMean a corrected search, or null
 */
// Public, with its parts, because the template engine reads it by reflection.
public record SearchPage(String query, boolean truncated, String error, boolean unavailable, SearchResult result,
		List<HitView> hits, List<Facet> facets, List<Link> active, String clearFilters, List<PageLink> pages,
		String previous, String next, List<Link> suggestions, Link didYouMean) {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
		.withZone(ZoneOffset.UTC);

	private static final Map<String, String> FACET_LABELS = Map.of("type", "Type", "topic", "Topic", "regime", "Regime",
			"year", "Year");

	public record Link(String label, String href) {
	}

	public record PageLink(int number, String href, boolean current) {
	}

	public record FacetValue(String label, long count, boolean selected, String href) {
	}

	public record Facet(String name, String label, List<FacetValue> values) {
	}

	public record HitView(String title, String url, String type, String date, String publishedAt, String summary,
			String highlight) {
	}

	/** The page's title in the browser tab and history. */
	public String title() {
		return this.query.isEmpty() ? "Search" : "Search: " + this.query;
	}

	/** Nothing to list, but the request was fine: the page offers help instead. */
	public boolean empty() {
		return this.result != null && this.result.total() == 0;
	}

	static SearchPage of(SearchQuery query, SearchResult result) {
		Parameters parameters = Parameters.of(query);
		List<HitView> hits = result.hits()
			.stream()
			.map(hit -> new HitView(hit.title(), hit.url(), result.typeLabel(hit.type()),
					(hit.publishedAt() != null) ? DATE.format(hit.publishedAt()) : null,
					(hit.publishedAt() != null) ? hit.publishedAt().toString() : null, hit.summary(), hit.highlight()))
			.toList();
		List<Facet> facets = new ArrayList<>();
		result.facets().forEach((name, counts) -> {
			Set<String> selected = parameters.values(name);
			List<FacetValue> values = new ArrayList<>();
			counts.forEach((value, count) -> values.add(new FacetValue(label(result, name, value), count,
					selected.contains(value), parameters.toggle(name, value).href())));
			// A chosen value with no documents left still shows, so it can be removed.
			selected.stream()
				.filter(value -> !counts.containsKey(value))
				.forEach(value -> values
					.add(new FacetValue(label(result, name, value), 0, true, parameters.toggle(name, value).href())));
			if (!values.isEmpty()) {
				facets.add(new Facet(name, FACET_LABELS.getOrDefault(name, name), values));
			}
		});
		List<Link> active = new ArrayList<>();
		parameters.filters.forEach((name, values) -> values
			.forEach(value -> active.add(new Link(label(result, name, value), parameters.toggle(name, value).href()))));
		String clear = active.isEmpty() ? null : new Parameters(query.text(), new LinkedHashMap<>(), 1).href();
		List<PageLink> pages = new ArrayList<>();
		if (result.pages() > 1) {
			int from = Math.max(1, result.page() - 4);
			int to = Math.min(result.pages(), from + 8);
			for (int number = from; number <= to; number++) {
				pages.add(new PageLink(number, parameters.page(number).href(), number == result.page()));
			}
		}
		String previous = (result.page() > 1) ? parameters.page(result.page() - 1).href() : null;
		String next = (result.page() < result.pages()) ? parameters.page(result.page() + 1).href() : null;
		List<Link> suggestions = result.suggestions()
			.stream()
			.map(text -> new Link(text, new Parameters(text, parameters.filters, 1).href()))
			.toList();
		Link didYouMean = (result.didYouMean() != null)
				? new Link(result.didYouMean(), new Parameters(result.didYouMean(), parameters.filters, 1).href())
				: null;
		return new SearchPage(query.text(), query.truncated(), null, false, result, hits, facets, active, clear, pages,
				previous, next, suggestions, didYouMean);
	}

	static SearchPage invalid(String text, String message) {
		return new SearchPage(text, false, message, false, null, List.of(), List.of(), List.of(), null, List.of(), null,
				null, List.of(), null);
	}

	static SearchPage unavailable(SearchQuery query) {
		return new SearchPage(query.text(), query.truncated(), null, true, null, List.of(), List.of(), List.of(), null,
				List.of(), null, null, List.of(), null);
	}

	private static String label(SearchResult result, String facet, String value) {
		return switch (facet) {
			case "type" -> result.typeLabel(value);
			case "regime" -> Regime.byCode(value).map(Regime::label).orElse(value);
			default -> value;
		};
	}

	/** The request's parameters, for building links that change one thing. */
	private record Parameters(String text, Map<String, Set<String>> filters, int page) {

		static Parameters of(SearchQuery query) {
			Map<String, Set<String>> filters = new LinkedHashMap<>();
			put(filters, "type", List.copyOf(query.types()));
			put(filters, "topic", List.copyOf(query.topics()));
			put(filters, "regime", List.copyOf(query.regimes()));
			put(filters, "year", query.years().stream().map(String::valueOf).toList());
			return new Parameters(query.text(), filters, query.page());
		}

		private static void put(Map<String, Set<String>> filters, String name, List<String> values) {
			if (!values.isEmpty()) {
				filters.put(name, new LinkedHashSet<>(values.stream().sorted().toList()));
			}
		}

		Set<String> values(String name) {
			return this.filters.getOrDefault(name, Set.of());
		}

		/** The same search with the value added to or removed from the facet, page 1. */
		Parameters toggle(String name, String value) {
			Map<String, Set<String>> filters = new LinkedHashMap<>();
			this.filters.forEach((key, values) -> filters.put(key, new LinkedHashSet<>(values)));
			Set<String> values = filters.computeIfAbsent(name, key -> new LinkedHashSet<>());
			if (!values.remove(value)) {
				values.add(value);
			}
			if (values.isEmpty()) {
				filters.remove(name);
			}
			return new Parameters(this.text, filters, 1);
		}

		Parameters page(int number) {
			return new Parameters(this.text, this.filters, number);
		}

		String href() {
			StringJoiner query = new StringJoiner("&", "/search?", "").setEmptyValue("/search");
			if (!this.text.isEmpty()) {
				query.add("q=" + encode(this.text));
			}
			this.filters.forEach((name, values) -> values.forEach(value -> query.add(name + "=" + encode(value))));
			if (this.page > 1) {
				query.add("page=" + this.page);
			}
			return query.toString();
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
