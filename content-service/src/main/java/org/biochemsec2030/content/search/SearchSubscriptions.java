package org.biochemsec2030.content.search;

import org.biochemsec2030.contracts.content.ContentEvents;
import org.biochemsec2030.contracts.content.MicroPostPublished;
import org.biochemsec2030.contracts.content.MicroPostUnpublished;
import org.biochemsec2030.contracts.content.MicroPostUpdated;
import org.biochemsec2030.contracts.content.PostPublished;
import org.biochemsec2030.contracts.content.PostUnpublished;
import org.biochemsec2030.contracts.content.PostUpdated;
import org.biochemsec2030.content.page.PageChanged;
import org.biochemsec2030.platform.events.EventSubscription;
import org.biochemsec2030.platform.search.SearchIndex;
import org.biochemsec2030.platform.search.SearchRebuildRoute;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Keeps the search index in step with this service's own events on {@code bcs.content}
 * rather than writing to Elasticsearch after each commit: an event stays in Kafka while
 * Elasticsearch is away and is retried (then dead-lettered, and replayable), so the index
 * catches up instead of silently missing a change. Pages carry no events; they are
 * indexed after their transaction commits and by every rebuild.
 */
@Configuration(proxyBeanMethods = false)
class SearchSubscriptions {

	static final String GROUP = "content-service-search";

	@Bean
	EventSubscription contentToSearch(ContentSearch search) {
		return new EventSubscription(GROUP, ContentEvents.TOPIC, event -> {
			switch (event.type()) {
				case PostPublished.TYPE, PostUpdated.TYPE, PostUnpublished.TYPE -> search.post(event.subject());
				case MicroPostPublished.TYPE, MicroPostUpdated.TYPE, MicroPostUnpublished.TYPE ->
					search.micro(event.subject());
				default -> {
					// Not a type this index shows.
				}
			}
		});
	}

	/**
	 * Editors and admins (the admin tool's roles) can rebuild the index from the
	 * database.
	 */
	@Bean
	RouterFunction<ServerResponse> searchRebuild(SearchIndex index, ContentSearch search) {
		return SearchRebuildRoute.post("/admin/content/search/rebuild", index, search::all);
	}

	@Bean
	PageIndexer pageIndexer(ContentSearch search) {
		return new PageIndexer(search);
	}

	static class PageIndexer {

		private final ContentSearch search;

		PageIndexer(ContentSearch search) {
			this.search = search;
		}

		@TransactionalEventListener
		void pageChanged(PageChanged changed) {
			try {
				this.search.page(changed.slug());
			}
			catch (RuntimeException ex) {
				// Search is derived data: the next rebuild picks the page up.
				org.apache.commons.logging.LogFactory.getLog(PageIndexer.class)
					.warn("Could not index page " + changed.slug() + ": " + ex.getMessage());
			}
		}

	}

}
