package org.biochemsec2030.network.meeting;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.biochemsec2030.contracts.network.MeetingCancelled;
import org.biochemsec2030.contracts.network.MeetingScheduled;
import org.biochemsec2030.contracts.network.MeetingUpdated;
import org.biochemsec2030.contracts.network.MemberErased;
import org.biochemsec2030.contracts.network.MemberLeft;
import org.biochemsec2030.contracts.network.MemberProfileChanged;
import org.biochemsec2030.contracts.network.NetworkEvents;
import org.biochemsec2030.network.directory.DirectorySearch;
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
 * The network's meetings in site search ({@code bcs-network}, type {@link #EVENT}: the
 * network's own meetings; treaty meetings are publishing's {@code MEETING}). Kept in step
 * from this service's own events on {@code bcs.network}, so a change waits in Kafka while
 * Elasticsearch is away instead of being lost; a cancelled meeting leaves the index. Only
 * public fields are indexed: never the online link or who attends.
 */
@Configuration(proxyBeanMethods = false)
class MeetingSearch {

	// The network's own meetings, as search stores and shows them (key "event").
	static final DocumentType EVENT = new DocumentType("event", "Network meeting");

	static final String GROUP = "network-service-search";

	/**
	 * The one consumer of {@code bcs.network} for search: meetings, and the directory
	 * entries that members made public (re-read from their profile on each of their
	 * events; the events carry no profile data).
	 */
	@Bean
	EventSubscription meetingsToSearch(Meetings meetings, DirectorySearch directory, SearchIndex index) {
		return new EventSubscription(GROUP, NetworkEvents.TOPIC, event -> {
			switch (event.type()) {
				case MeetingScheduled.TYPE, MeetingUpdated.TYPE, MeetingCancelled.TYPE ->
					index(meetings, index, UUID.fromString(event.subject()));
				case MemberProfileChanged.TYPE, MemberLeft.TYPE, MemberErased.TYPE ->
					directory.index(UUID.fromString(event.subject()));
				default -> {
					// An approval changes nothing searchable: the profile starts private.
				}
			}
		});
	}

	/**
	 * Coordinators and admins (the admin tool's roles) can rebuild the index: meetings
	 * and public directory entries together, since a rebuild replaces the whole index.
	 */
	@Bean
	RouterFunction<ServerResponse> meetingSearchRebuild(SearchIndex index, Meetings meetings,
			DirectorySearch directory) {
		return SearchRebuildRoute.post("/admin/network/search/rebuild", index,
				() -> Stream.concat(documents(meetings), directory.documents()));
	}

	static void index(Meetings meetings, SearchIndex index, UUID id) {
		MeetingView meeting = meetings.byId(id);
		if ("cancelled".equals(meeting.status())) {
			index.delete(id.toString());
		}
		else {
			index.upsert(document(meeting, meetings.row(meeting.slug()).updatedAt()));
		}
	}

	static Stream<SearchDocument> documents(Meetings meetings) {
		return meetings.all()
			.stream()
			.filter(m -> !"cancelled".equals(m.status()))
			.map(m -> document(m, meetings.row(m.slug()).updatedAt()));
	}

	/** Topic labels, the facet values readers see (as every service indexes them). */
	private static List<String> topicLabels(List<String> slugs) {
		return slugs.stream().flatMap(slug -> Topic.bySlug(slug).stream()).map(Topic::label).toList();
	}

	static SearchDocument document(MeetingView meeting, java.time.Instant updatedAt) {
		String body = String.join("\n", List.of(meeting.summary(), meeting.agenda(), meeting.location(),
				meeting.localStart() + " (" + meeting.timeZone() + ")"));
		return new SearchDocument(meeting.id().toString(), EVENT, meeting.title(), meeting.summary(), body,
				meeting.url(), topicLabels(meeting.topics()), List.of(), List.of(), meeting.speakers(),
				meeting.startsAt(), updatedAt);
	}

}
