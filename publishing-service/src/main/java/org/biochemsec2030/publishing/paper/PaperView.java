package org.biochemsec2030.publishing.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One published version of a paper as readers see it.
 *
 * @param url the paper's address (always its latest version)
 * @param versionUrl this version's own, citable address
 * @param latest whether this is the newest published version
 * @param withdrawal the notice when the paper was withdrawn, else null
 */
public record PaperView(String id, String slug, String url, String versionUrl, int version, boolean latest,
		String title, @com.fasterxml.jackson.annotation.JsonProperty("abstract") String abstractText, String html,
		List<Author> authors, List<String> topics, List<String> regimes, List<String> developments, String licence,
		String licenceTitle, String licenceUrl, MeetingRef meeting, String agendaItem, List<String> unDocuments,
		LocalDate distributionDeadline, List<Map<String, Object>> references, Integer seriesNumber, String series,
		Instant publishedAt, Instant firstPublishedAt, ChangeNote changeNote, Withdrawal withdrawal,
		List<VersionEntry> versions) {

	/** The treaty meeting the paper was written for. */
	public record MeetingRef(String slug, String name, String url) {

	}

	public record Withdrawal(Instant at, String notice) {

	}

	/** One published version in the history readers see. */
	public record VersionEntry(int number, String url, Instant publishedAt, ChangeNote changeNote) {

	}

}
