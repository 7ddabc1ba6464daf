package org.biochemsec2030.publishing.paper;

import java.time.Instant;
import java.util.List;

/**
 * A paper as staff see it: its state, the steps it can take now, the working version's
 * text, the review rounds with their warnings, the dual-use decisions and the history.
 */
public record EditorialPaper(String id, String slug, String state, List<String> steps, int workingVersion,
		Integer publishedVersion, Integer seriesNumber, Instant scheduledAt, Instant firstPublishedAt,
		WorkingVersion working, List<Review.Round> rounds, List<Review.DualUse> dualUse,
		List<Review.HistoryEntry> history, String withdrawalNotice) {

	public record WorkingVersion(int number, String title,
			@com.fasterxml.jackson.annotation.JsonProperty("abstract") String abstractText, String body, String html,
			List<Author> authors, List<String> topics, List<String> regimes, List<String> developments, String licence,
			String meeting, String agendaItem, List<String> unDocuments, java.time.LocalDate distributionDeadline,
			List<java.util.Map<String, Object>> references, ChangeNote changeNote, boolean published) {

	}

}
