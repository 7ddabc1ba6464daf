package org.biochemsec2030.publishing.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One version of a paper's text and metadata. Once {@code publishedAt} is set it never
 * changes (the database refuses it too). Never on the wire.
 */
record PaperVersion(UUID paperId, int number, String title, String abstractText, String body, String html,
		List<Author> authors, List<String> topics, List<String> regimes, List<String> developments, String licence,
		String meeting, String agendaItem, List<String> unDocuments, LocalDate distributionDeadline,
		List<Map<String, Object>> references, ChangeNote changeNote, Instant publishedAt, Instant createdAt,
		Instant updatedAt) {

	boolean published() {
		return this.publishedAt != null;
	}

}
