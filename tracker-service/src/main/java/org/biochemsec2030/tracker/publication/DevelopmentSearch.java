package org.biochemsec2030.tracker.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.biochemsec2030.contracts.tracker.DevelopmentPublished;
import org.biochemsec2030.contracts.tracker.DevelopmentUpdated;
import org.biochemsec2030.contracts.tracker.DevelopmentWithdrawn;
import org.biochemsec2030.contracts.tracker.TrackerEvents;
import org.biochemsec2030.platform.events.EventSubscription;
import org.biochemsec2030.platform.search.DocumentType;
import org.biochemsec2030.platform.search.SearchDocument;
import org.biochemsec2030.platform.search.SearchIndex;
import org.biochemsec2030.platform.search.SearchRebuildRoute;
import org.biochemsec2030.platform.taxonomy.Topic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Published developments in site search ({@code bcs-tracker}, type {@link #DEVELOPMENT}),
 * kept in step from this service's own events on {@code bcs.tracker}: a change waits in
 * Kafka while Elasticsearch is away instead of being lost, and a withdrawn development
 * leaves the index. Each document is made from the gate's public view, never from the
 * analysts' records, so a hazard-flagged development is searchable by its reviewed public
 * summary only.
 */
@Configuration(proxyBeanMethods = false)
class DevelopmentSearch {

	static final DocumentType DEVELOPMENT = new DocumentType("development", "Development");

	static final String GROUP = "tracker-service-search";

	@Bean
	EventSubscription developmentsToSearch(PublicationService publications, SearchIndex index) {
		return new EventSubscription(GROUP, TrackerEvents.TOPIC, event -> {
			switch (event.type()) {
				case DevelopmentPublished.TYPE, DevelopmentUpdated.TYPE, DevelopmentWithdrawn.TYPE ->
					index(publications, index, UUID.fromString(event.subject()));
				default -> {
					// Assessments are never searchable.
				}
			}
		});
	}

	/** Analysts and admins (the admin tool's roles) can rebuild the index. */
	@Bean
	RouterFunction<ServerResponse> developmentSearchRebuild(SearchIndex index, PublicationService publications) {
		return SearchRebuildRoute.post("/admin/tracker/search/rebuild", index,
				() -> publications.published().stream().map(DevelopmentSearch::document));
	}

	/** The development as it is now, whatever event brought it: upserted or deleted. */
	static void index(PublicationService publications, SearchIndex index, UUID id) {
		publications.publicView(id)
			.ifPresentOrElse(view -> index.upsert(document(view)), () -> index.delete(id.toString()));
	}

	static SearchDocument document(PublicDevelopment view) {
		List<String> body = new ArrayList<>();
		body.add(view.summary());
		body.addAll(view.hardMeasures());
		body.addAll(view.softMeasures());
		view.evidence().forEach(evidence -> body.add(evidence.title()));
		return new SearchDocument(view.id().toString(), DEVELOPMENT, view.title(), view.summary(),
				String.join("\n", body), view.url(),
				view.fields().stream().flatMap(slug -> Topic.bySlug(slug).stream()).map(Topic::label).toList(),
				view.regimes(),
				Stream.concat(view.implications().stream(), Stream.of(view.maturity().label())).toList(), List.of(),
				view.publishedAt(), view.updatedAt());
	}

}
