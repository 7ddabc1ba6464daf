package org.biochemsec2030.gateway.search;

import org.biochemsec2030.platform.search.SearchQuery;
import org.biochemsec2030.platform.search.SearchResult;
import org.biochemsec2030.platform.search.SiteSearch;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search?q=&type=&topic=&regime=&year=&page=}: the site search as JSON.
 * Facet parameters may repeat ({@code type=post&type=paper}).
 */
@RestController
class SearchApiController {

	private final SiteSearch search;

	SearchApiController(SiteSearch search) {
		this.search = search;
	}

	@GetMapping(path = "/api/search", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<SearchResult> search(ServerHttpRequest request) {
		SearchQuery query = SearchQuery.parse(request.getQueryParams());
		// The Elasticsearch client blocks; the event loop must not.
		return Mono.fromCallable(() -> this.search.search(query)).subscribeOn(Schedulers.boundedElastic());
	}

}
