package org.biochemsec2030.tracker.item;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An item as analysts see it, with every source that reported it.
 *
 * @param url the canonical address (the first report's)
 * @param status new, dismissed or promoted
 * @param matchedRules names of the triage rules that matched it
 */
public record ItemView(UUID id, String url, String title, String summary, String doi, Instant publishedAt,
		Instant firstSeenAt, String status, boolean flagged, List<String> tags, List<String> topics,
		List<String> matchedRules, List<Report> reports) {

	/**
	 * One source's report of the item.
	 *
	 * @param matchedBy how it was recognised: first (it made the item), url, doi, title
	 */
	public record Report(UUID sourceId, String sourceName, String url, String title, String matchedBy, Instant seenAt) {
	}

	ItemView withReports(List<Report> reports) {
		return new ItemView(this.id, this.url, this.title, this.summary, this.doi, this.publishedAt, this.firstSeenAt,
				this.status, this.flagged, this.tags, this.topics, this.matchedRules, List.copyOf(reports));
	}

}
