package org.biochemsec2030.gateway.search;

import org.biochemsec2030.platform.search.InvalidSearchQueryException;
import org.biochemsec2030.platform.search.SearchQuery;
import org.biochemsec2030.platform.search.SearchUnavailableException;
import org.biochemsec2030.platform.search.SiteSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;

/**
 * {@code /search?q=}: the site search as a page in the shared layout. A request it cannot
 * answer still gets the page with the search form, and a message instead of results.
 */
@Controller
class SearchPageController {

	private static final Logger logger = LoggerFactory.getLogger(SearchPageController.class);

	private final SiteSearch search;

	SearchPageController(SiteSearch search) {
		this.search = search;
	}

	@GetMapping("/search")
	Mono<Rendering> page(ServerHttpRequest request) {
		SearchQuery query;
		try {
			query = SearchQuery.parse(request.getQueryParams());
		}
		catch (InvalidSearchQueryException ex) {
			String text = request.getQueryParams().getFirst("q");
			return Mono.just(render(SearchPage.invalid((text != null) ? text.strip() : "", ex.getMessage() + "."),
					HttpStatus.BAD_REQUEST));
		}
		return Mono.fromCallable(() -> this.search.search(query))
			.subscribeOn(Schedulers.boundedElastic())
			.map(result -> render(SearchPage.of(query, result), HttpStatus.OK))
			.onErrorResume(SearchUnavailableException.class, ex -> {
				logger.warn("Site search unavailable: {}", ex.getMessage());
				return Mono.just(render(SearchPage.unavailable(query), HttpStatus.SERVICE_UNAVAILABLE));
			});
	}

	private static Rendering render(SearchPage page, HttpStatus status) {
		return Rendering.view("search").modelAttribute("page", page).status(status).build();
	}

}
