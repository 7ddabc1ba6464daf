package org.biochemsec2030.publishing.search;

import org.biochemsec2030.contracts.publishing.PaperWithdrawn;
import org.biochemsec2030.contracts.publishing.PaperVersionPublished;
import org.biochemsec2030.contracts.publishing.PublishingEvents;
import org.biochemsec2030.platform.events.EventSubscription;
import org.biochemsec2030.platform.search.SearchIndex;
import org.biochemsec2030.platform.search.SearchRebuildRoute;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Keeps the search index in step with this service's own events on {@code bcs.publishing}
 * rather than writing to Elasticsearch after each commit: an event waits in Kafka while
 * Elasticsearch is away and is retried, so the index catches up.
 */
@Configuration(proxyBeanMethods = false)
class SearchSubscriptions {

	static final String GROUP = "publishing-service-search";

	@Bean
	EventSubscription papersToSearch(PublishingSearch search) {
		return new EventSubscription(GROUP, PublishingEvents.TOPIC, event -> {
			switch (event.type()) {
				case PaperVersionPublished.TYPE, PaperWithdrawn.TYPE -> search.paper(event.subject());
				default -> {
					// Not a change readers see.
				}
			}
		});
	}

	/**
	 * Publishers and admins (the admin tool's roles) rebuild the index from the database.
	 */
	@Bean
	RouterFunction<ServerResponse> searchRebuild(SearchIndex index, PublishingSearch search) {
		return SearchRebuildRoute.post("/admin/publishing/search/rebuild", index, search::all);
	}

}
