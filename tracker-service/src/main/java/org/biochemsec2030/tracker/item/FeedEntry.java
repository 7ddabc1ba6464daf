package org.biochemsec2030.tracker.item;

import java.time.Instant;

/**
 * One entry as a feed gave it, before anything is cleaned: what the parser of any feed
 * format hands to ingestion.
 *
 * @param id the entry's own identifier (RSS guid, Atom id, JSON Feed id), may be null
 * @param link the address of the article, may be null
 * @param title may be null
 * @param summaryHtml description or content, possibly HTML, may be null
 * @param publishedAt published (or else updated) time, may be null
 */
public record FeedEntry(String id, String link, String title, String summaryHtml, Instant publishedAt) {
}
