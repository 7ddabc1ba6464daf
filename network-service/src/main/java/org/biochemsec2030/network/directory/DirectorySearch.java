package org.biochemsec2030.network.directory;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.biochemsec2030.platform.search.DocumentType;
import org.biochemsec2030.platform.search.SearchDocument;
import org.biochemsec2030.platform.search.SearchIndex;

import org.springframework.stereotype.Component;

/**
 * Directory entries in site search ({@code bcs-network}, type {@link #MEMBER}): a listed
 * member whose name is public, with their public fields only. Kept in step from the
 * member events on {@code bcs.network}, re-reading the profile each time, so a replayed
 * or late event always leaves what the member chose now; an entry that should not be
 * searchable (unlisted, name not public, left, erased) is deleted.
 */
@Component
public class DirectorySearch {

	static final DocumentType MEMBER = new DocumentType("member", "Network member");

	private final Profiles profiles;

	private final SearchIndex index;

	DirectorySearch(Profiles profiles, SearchIndex index) {
		this.profiles = profiles;
		this.index = index;
	}

	/** Brings the member's search entry in line with their profile now. */
	public void index(UUID memberId) {
		this.profiles.publicEntry(memberId)
			.ifPresentOrElse(found -> this.index.upsert(document(found)), () -> this.index.delete(memberId.toString()));
	}

	/** Every searchable entry, for a rebuild of the index. */
	public Stream<SearchDocument> documents() {
		return this.profiles.publicEntries().stream().map(DirectorySearch::document);
	}

	static SearchDocument document(Profiles.Public found) {
		DirectoryEntry entry = found.entry();
		String summary = Stream.of(entry.discipline(), entry.affiliation(), entry.countryName())
			.filter(v -> v != null)
			.collect(Collectors.joining(", "));
		String body = Stream.of(summary, entry.bio(), entry.orcid())
			.filter(v -> v != null && !v.isBlank())
			.collect(Collectors.joining("\n"));
		// No publication date: a person is not a dated page.
		return new SearchDocument(entry.memberId().toString(), MEMBER, entry.name(), summary, body, entry.url(),
				entry.topics(), List.of(), List.of(), List.of(entry.name()), null, found.updatedAt());
	}

}
