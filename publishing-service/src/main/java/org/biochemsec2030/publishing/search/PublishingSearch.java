package org.biochemsec2030.publishing.search;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.biochemsec2030.platform.search.DocumentType;
import org.biochemsec2030.platform.search.SearchDocument;
import org.biochemsec2030.platform.search.SearchIndex;
import org.biochemsec2030.platform.taxonomy.Topic;
import org.biochemsec2030.publishing.meeting.MeetingService;
import org.biochemsec2030.publishing.meeting.TreatyMeeting;
import org.biochemsec2030.publishing.paper.Author;
import org.biochemsec2030.publishing.paper.PaperService;
import org.biochemsec2030.publishing.paper.PaperView;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Papers and treaty meetings as search documents. The index follows the database: for
 * each event the current public state is read and written (or the document deleted), so a
 * late or repeated event never indexes anything that is no longer public.
 */
@Component
class PublishingSearch {

	// publishing-service's kinds of public page, as search stores and shows them.
	static final DocumentType PAPER = new DocumentType("paper", "Briefing paper");

	static final DocumentType MEETING = new DocumentType("meeting", "Treaty meeting");

	private final SearchIndex index;

	private final PaperService papers;

	private final MeetingService meetings;

	PublishingSearch(SearchIndex index, PaperService papers, MeetingService meetings) {
		this.index = index;
		this.papers = papers;
		this.meetings = meetings;
	}

	/**
	 * A paper changed: its document, and its treaty meeting's (whose page lists it).
	 * Lookups answer empty rather than throw, so the consumer's transaction stays clean.
	 */
	void paper(String id) {
		this.papers.findPublic(UUID.fromString(id)).ifPresentOrElse(paper -> {
			this.index.upsert(document(paper));
			if (paper.meeting() != null) {
				this.meetings.find(paper.meeting().slug()).ifPresent(m -> this.index.upsert(document(m)));
			}
		}, () -> this.index.delete(paperId(id)));
	}

	/** Everything public, read from the database (rebuilds). */
	Stream<SearchDocument> all() {
		List<SearchDocument> documents = new ArrayList<>();
		this.papers.allPublic().forEach(paper -> documents.add(document(paper)));
		this.meetings.all().forEach(meeting -> documents.add(document(meeting)));
		return documents.stream();
	}

	private static SearchDocument document(PaperView paper) {
		String summary = paper.abstractText();
		if (paper.withdrawal() != null) {
			summary = "Withdrawn. " + summary;
		}
		List<String> tags = new ArrayList<>(paper.unDocuments());
		if (!paper.series().isEmpty()) {
			tags.add(paper.series());
		}
		return new SearchDocument(paperId(paper.id()), PAPER, paper.title(), summary, text(paper.html()), paper.url(),
				topics(paper.topics()), paper.regimes(), tags, paper.authors().stream().map(Author::name).toList(),
				paper.firstPublishedAt(), paper.publishedAt());
	}

	private static SearchDocument document(TreatyMeeting meeting) {
		return new SearchDocument("meeting-" + meeting.slug(), MEETING, meeting.name(),
				meeting.place() + ", " + meeting.startsOn() + " to " + meeting.endsOn(), meeting.name(), meeting.url(),
				List.of(), List.of(meeting.regime()), List.of(), List.of(), null,
				meeting.startsOn().atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
	}

	private static List<String> topics(List<String> slugs) {
		return slugs.stream().flatMap(slug -> Topic.bySlug(slug).stream()).map(Topic::label).toList();
	}

	private static String text(String html) {
		return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ").strip();
	}

	static String paperId(String id) {
		return "paper-" + id;
	}

}
