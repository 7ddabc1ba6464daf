package org.biochemsec2030.platform.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.SuggestMode;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchItem;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.MultisearchBody;
import co.elastic.clients.elasticsearch.core.msearch.MultisearchHeader;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import co.elastic.clients.elasticsearch.core.search.TermSuggest;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The site-wide search: one query over {@code bcs-public}, the alias every service's
 * public index is behind, so it can only ever return public documents.
 * <p>
 * Text goes through {@code simple_query_string}, which never fails on syntax: quotes make
 * a phrase and a trailing {@code *} a prefix, every other operator character is plain
 * text. Facet filters are applied after the query ({@code post_filter}) and each facet's
 * counts are computed with the other facets' filters only, so a reader sees how many
 * documents each further choice would give.
 */
public class SiteSearch {

	static final String FACET_TYPE = "type";

	private static final String LABEL = "label";

	static final String FACET_TOPIC = "topic";

	static final String FACET_REGIME = "regime";

	static final String FACET_YEAR = "year";

	/** Every match with every filter: the total, counted with the facets. */
	private static final String TOTAL = "total";

	/** Title counts most, then summary and the document's labels, then the body. */
	private static final List<String> FIELDS = List.of("title^4", "summary^2", "topics.text^2", "regimes.text^2",
			"tags.text^1.5", "people.text^1.5", "body");

	/** Up to three words must all match; of longer queries most must. */
	private static final String MINIMUM_SHOULD_MATCH = "3<75%";

	private static final int MAX_COMPLETION_PREFIX = 60;

	private static final String MARK_OPEN = "<mark>";

	private static final String MARK_CLOSE = "</mark>";

	private final ElasticsearchClient client;

	private final Features features;

	public SiteSearch(ElasticsearchClient client) {
		this(client, Features.SITE);
	}

	SiteSearch(ElasticsearchClient client, Features features) {
		this.client = client;
		this.features = features;
	}

	/**
	 * What a search computes and how, so that the bench can price each part and try
	 * alternatives on the same index. The site uses {@link #SITE}: one search for the
	 * page, its facets and the total, with passages from the plain highlighter. Splitting
	 * the page and the facets into two searches of one request, with the facets search
	 * answered from the shard request cache when it repeats, was measured beside it
	 * (bench/README.md, "Site search"): faster at the median, slower at p90 and p99 on
	 * two cores, where the two searches compete for them. So it stays a measured
	 * alternative, as does the unified highlighter.
	 *
	 * @param split the page of hits and the facets as two searches of one request
	 * @param facets the facet counts (and with them the total)
	 * @param highlight the highlighted passages of each hit
	 * @param suggestions the completion and spelling suggestions
	 * @param cache whether a split facets search may be answered from the shard request
	 * cache
	 * @param plainHighlighter whether passages come from Lucene's plain highlighter,
	 * which analyses the ten hits' text again, rather than the unified one, which reads
	 * the offsets kept in the index but rewrites the whole query (every prefix expansion
	 * of it) for each hit: on queries with a prefix it costs more than re-analysis of a
	 * few hundred words, and its p99 was 38 % higher at 100,000 documents
	 */
	record Features(boolean split, boolean facets, boolean highlight, boolean suggestions, boolean cache,
			boolean plainHighlighter) {

		static final Features SITE = new Features(false, true, true, true, false, true);

		static final Features SPLIT = new Features(true, true, true, true, true, true);

		Features withoutHighlight() {
			return new Features(this.split, this.facets, false, this.suggestions, this.cache, this.plainHighlighter);
		}

		Features withoutSuggestions() {
			return new Features(this.split, this.facets, this.highlight, false, this.cache, this.plainHighlighter);
		}

		Features withoutFacets() {
			return new Features(this.split, false, this.highlight, this.suggestions, this.cache, this.plainHighlighter);
		}

		Features withoutCache() {
			return new Features(this.split, this.facets, this.highlight, this.suggestions, false,
					this.plainHighlighter);
		}

		Features withUnifiedHighlighter() {
			return new Features(this.split, this.facets, this.highlight, this.suggestions, this.cache, false);
		}

	}

	/**
	 * @throws SearchUnavailableException if Elasticsearch cannot answer
	 */
	public SearchResult search(SearchQuery query) {
		return execute(query).result();
	}

	/** A result and Elasticsearch's own time for it (for measurements). */
	record Answer(SearchResult result, long took) {
	}

	/**
	 * One request: one search, or two when split. A split page of hits neither counts nor
	 * aggregates, so Elasticsearch can stop scoring once no further document can enter
	 * the top ten; its facets search returns no hits, which makes it eligible for the
	 * shard request cache, and gives the exact total. Unsplit, the one search does it
	 * all.
	 */
	Answer execute(SearchQuery query) {
		Map<String, Query> filters = filters(query);
		List<RequestItem> searches = new ArrayList<>();
		boolean split = this.features.split();
		searches.add(RequestItem.of(item -> item.header(header(false)).body(hits(query, filters, !split))));
		if (split && this.features.facets()) {
			searches
				.add(RequestItem.of(item -> item.header(header(this.features.cache())).body(facets(query, filters))));
		}
		MsearchResponse<Source> response = Elastic.call("search",
				() -> this.client.msearch(m -> m.searches(searches), Source.class));
		MultiSearchItem<Source> page = answer(response, 0);
		MultiSearchItem<Source> counted = (split && this.features.facets()) ? answer(response, 1) : page;
		long took = response.took();
		return new Answer(result(query, page, counted), took);
	}

	private static MultisearchHeader header(boolean cached) {
		// Before the first service has indexed anything the alias does not exist: that is
		// an empty site, not an error.
		return MultisearchHeader.of(h -> h.index(SearchIndex.PUBLIC_ALIAS)
			.ignoreUnavailable(true)
			.allowNoIndices(true)
			.requestCache(cached));
	}

	private static MultiSearchItem<Source> answer(MsearchResponse<Source> response, int index) {
		MultiSearchResponseItem<Source> item = response.responses().get(index);
		if (item.isResult()) {
			return item.result();
		}
		ErrorResponse failure = item.failure();
		String reason = (failure.error() != null) ? failure.error().reason() : null;
		if (failure.status() >= 500 || failure.status() == 429) {
			throw new SearchUnavailableException("Elasticsearch failed to search: " + reason, null);
		}
		// The engine rejected the request as malformed: a defect here, not the reader's.
		throw new IllegalStateException("Elasticsearch refused the site search (" + failure.status() + "): " + reason);
	}

	private MultisearchBody hits(SearchQuery query, Map<String, Query> filters, boolean withFacets) {
		boolean text = !query.text().isEmpty();
		MultisearchBody.Builder search = new MultisearchBody.Builder().from((query.page() - 1) * SearchQuery.PAGE_SIZE)
			.size(SearchQuery.PAGE_SIZE)
			// The total is counted with the facets (exactly, as they see every match).
			.trackTotalHits(t -> t.enabled(false))
			.source(s -> s.filter(f -> f.includes("type", "typeLabel", "title", "url", "summary", "publishedAt")))
			.query(text ? textQuery(query.text()) : Query.of(q -> q.matchAll(m -> m)));
		if (!filters.isEmpty()) {
			search.postFilter(all(filters.values()));
		}
		if (text && this.features.highlight()) {
			search.highlight(h -> h.encoder(HighlighterEncoder.Html)
				.type(this.features.plainHighlighter() ? HighlighterType.Plain : HighlighterType.Unified)
				.preTags(MARK_OPEN)
				.postTags(MARK_CLOSE)
				.fields("body", f -> f.fragmentSize(160).numberOfFragments(2))
				.fields("summary", f -> f.numberOfFragments(0))
				.fields("title", f -> f.numberOfFragments(0)));
		}
		if (text && this.features.suggestions()) {
			search.suggest(s -> {
				s.text(query.text())
					.suggesters("spelling",
							f -> f.term(t -> t.field("spelling")
								.suggestMode(SuggestMode.Missing)
								.size(1)
								.minWordLength(4)
								.prefixLength(1)));
				if (query.text().length() <= MAX_COMPLETION_PREFIX) {
					s.suggesters("completion", f -> f.prefix(query.text())
						.completion(c -> c.field("suggest").size(5).skipDuplicates(true)));
				}
				return s;
			});
		}
		if (!text) {
			search.sort(s -> s.field(f -> f.field("publishedAt").order(SortOrder.Desc).unmappedType(FieldType.Date)));
		}
		if (withFacets && this.features.facets()) {
			aggregate(search, filters);
		}
		return search.build();
	}

	/** No hits, only counts: the request cache keeps such answers. */
	private static MultisearchBody facets(SearchQuery query, Map<String, Query> filters) {
		boolean text = !query.text().isEmpty();
		MultisearchBody.Builder search = new MultisearchBody.Builder().size(0)
			.trackTotalHits(t -> t.enabled(false))
			.query(text ? textQuery(query.text()) : Query.of(q -> q.matchAll(m -> m)));
		aggregate(search, filters);
		return search.build();
	}

	private static void aggregate(MultisearchBody.Builder search, Map<String, Query> filters) {
		search.aggregations(FACET_TYPE, facet(filters, FACET_TYPE, "type", 20));
		search.aggregations(FACET_TOPIC, facet(filters, FACET_TOPIC, "topics", 20));
		search.aggregations(FACET_REGIME, facet(filters, FACET_REGIME, "regimes", 3));
		search.aggregations(FACET_YEAR, facet(filters, FACET_YEAR, "year", 30));
		search.aggregations(TOTAL, Aggregation
			.of(a -> a.filter(filters.isEmpty() ? Query.of(q -> q.matchAll(m -> m)) : all(filters.values()))));
	}

	private static Query textQuery(String text) {
		return Query.of(
				q -> q.bool(b -> b
					.must(m -> m.simpleQueryString(s -> s.query(text)
						.fields(FIELDS)
						.defaultOperator(Operator.Or)
						.minimumShouldMatch(MINIMUM_SHOULD_MATCH)
						.flags(SimpleQueryStringFlag.Phrase, SimpleQueryStringFlag.Prefix,
								SimpleQueryStringFlag.Whitespace)
						.lenient(true)))
					// The words together in the title rank above the same words
					// scattered.
					.should(s -> s.matchPhrase(p -> p.field("title").query(text).slop(2).boost(2f)))));
	}

	private static Map<String, Query> filters(SearchQuery query) {
		Map<String, Query> filters = new LinkedHashMap<>();
		if (!query.types().isEmpty()) {
			filters.put(FACET_TYPE, terms("type", query.types().stream().map(FieldValue::of).toList()));
		}
		if (!query.topics().isEmpty()) {
			filters.put(FACET_TOPIC, terms("topics", query.topics().stream().map(FieldValue::of).toList()));
		}
		if (!query.regimes().isEmpty()) {
			filters.put(FACET_REGIME, terms("regimes", query.regimes().stream().map(FieldValue::of).toList()));
		}
		if (!query.years().isEmpty()) {
			filters.put(FACET_YEAR,
					terms("year", query.years().stream().map(y -> FieldValue.of(y.longValue())).toList()));
		}
		return filters;
	}

	private static Query terms(String field, List<FieldValue> values) {
		return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(values))));
	}

	private static Query all(Collection<Query> filters) {
		return Query.of(q -> q.bool(b -> b.filter(List.copyOf(filters))));
	}

	/**
	 * A facet's counts honour every active filter except its own: choosing "paper" must
	 * not make "post" disappear from the type facet.
	 */
	private static Aggregation facet(Map<String, Query> filters, String facet, String field, int size) {
		List<Query> others = filters.entrySet()
			.stream()
			.filter(entry -> !entry.getKey().equals(facet))
			.map(Map.Entry::getValue)
			.toList();
		Query scope = others.isEmpty() ? Query.of(q -> q.matchAll(m -> m)) : all(others);
		Aggregation values = Aggregation.of(v -> {
			var terms = v.terms(t -> {
				t.field(field).size(size);
				if (FACET_YEAR.equals(facet)) {
					t.order(NamedValue.of("_key", SortOrder.Desc));
				}
				return t;
			});
			// Each kind's label is stored with its documents: one label per key.
			return FACET_TYPE.equals(facet) ? terms.aggregations(LABEL, l -> l.terms(t -> t.field("typeLabel").size(1)))
					: terms;
		});
		return Aggregation.of(a -> a.filter(scope).aggregations("values", values));
	}

	private static SearchResult result(SearchQuery query, MultiSearchItem<Source> page,
			MultiSearchItem<Source> counted) {
		Aggregate counter = counted.aggregations().get(TOTAL);
		long total = (counter != null && counter.isFilter()) ? counter.filter().docCount() : 0;
		int pages = (int) Math.min(SearchQuery.MAX_PAGE, (total + SearchQuery.PAGE_SIZE - 1) / SearchQuery.PAGE_SIZE);
		List<SearchResult.Hit> hits = new ArrayList<>();
		Map<String, String> typeLabels = new LinkedHashMap<>();
		for (Hit<Source> hit : page.hits().hits()) {
			Source source = hit.source();
			if (source != null) {
				hits.add(new SearchResult.Hit(source.type(), source.title(), source.url(), source.summary(),
						highlight(hit.highlight()), source.publishedAt()));
				if (source.typeLabel() != null) {
					typeLabels.putIfAbsent(source.type(), source.typeLabel());
				}
			}
		}
		Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
		for (String facet : List.of(FACET_TYPE, FACET_TOPIC, FACET_REGIME, FACET_YEAR)) {
			facets.put(facet, counts(counted.aggregations().get(facet)));
		}
		typeLabels.putAll(typeLabels(counted.aggregations().get(FACET_TYPE)));
		List<Suggestion<Source>> completion = page.suggest().getOrDefault("completion", List.of());
		List<Suggestion<Source>> spelling = page.suggest().getOrDefault("spelling", List.of());
		return new SearchResult(query.text(), query.truncated(), total, query.page(), pages, hits, facets, typeLabels,
				suggestions(query.text(), completion), didYouMean(query.text(), spelling));
	}

	/**
	 * Body passages first (they show the words in context), else the summary, else the
	 * title. The highlighter has escaped the text; only its own marks are HTML. The plain
	 * highlighter cuts passages by length, not at sentences, so they may begin or end
	 * with the space it cut at.
	 */
	private static String highlight(Map<String, List<String>> highlight) {
		for (String field : List.of("body", "summary", "title")) {
			List<String> fragments = highlight.get(field);
			if (fragments != null && !fragments.isEmpty()) {
				return String.join(" … ", fragments.stream().map(String::strip).toList());
			}
		}
		return null;
	}

	private static Map<String, String> typeLabels(Aggregate facet) {
		Map<String, String> labels = new LinkedHashMap<>();
		if (facet != null && facet.isFilter()) {
			Aggregate values = facet.filter().aggregations().get("values");
			if (values != null && values.isSterms()) {
				values.sterms().buckets().array().forEach(bucket -> {
					Aggregate label = bucket.aggregations().get(LABEL);
					if (label != null && label.isSterms() && !label.sterms().buckets().array().isEmpty()) {
						labels.put(bucket.key().stringValue(),
								label.sterms().buckets().array().get(0).key().stringValue());
					}
				});
			}
		}
		return labels;
	}

	private static Map<String, Long> counts(Aggregate facet) {
		Map<String, Long> counts = new LinkedHashMap<>();
		if (facet == null || !facet.isFilter()) {
			return counts;
		}
		Aggregate values = facet.filter().aggregations().get("values");
		if (values == null) {
			return counts;
		}
		if (values.isSterms()) {
			values.sterms().buckets().array().forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
		}
		else if (values.isLterms()) {
			values.lterms().buckets().array().forEach(b -> counts.put(Long.toString(b.key()), b.docCount()));
		}
		return counts;
	}

	private static List<String> suggestions(String text, List<Suggestion<Source>> completion) {
		String typed = text.toLowerCase(Locale.ROOT);
		List<String> suggestions = new ArrayList<>();
		for (Suggestion<Source> suggestion : completion) {
			if (suggestion.isCompletion()) {
				suggestion.completion().options().forEach(option -> {
					if (!option.text().toLowerCase(Locale.ROOT).equals(typed) && !suggestions.contains(option.text())) {
						suggestions.add(option.text());
					}
				});
			}
		}
		return suggestions;
	}

	/**
	 * The reader's own text with each word the index does not know replaced by the
	 * closest one it does; null when every word is known.
	 */
	private static String didYouMean(String text, List<Suggestion<Source>> spelling) {
		StringBuilder corrected = new StringBuilder(text);
		boolean changed = false;
		// From the end, so earlier offsets stay valid while replacing.
		List<TermSuggest> words = new ArrayList<>();
		spelling.stream().filter(Suggestion::isTerm).map(Suggestion::term).forEach(words::add);
		words.sort((a, b) -> Integer.compare(b.offset(), a.offset()));
		for (TermSuggest word : words) {
			if (!word.options().isEmpty() && word.offset() + word.length() <= corrected.length()) {
				corrected.replace(word.offset(), word.offset() + word.length(), word.options().get(0).text());
				changed = true;
			}
		}
		return changed ? corrected.toString() : null;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Source(String type, String typeLabel, String title, String url, String summary, Instant publishedAt) {
	}

}
