package org.biochemsec2030.tracker.source;

import java.util.UUID;

import org.biochemsec2030.tracker.item.IngestReport;

/**
 * What one poll of one source did.
 *
 * @param status {@code 200} (a feed was read), {@code 304} (unchanged) or {@code failed}
 * @param error why it failed, for analysts; null otherwise
 * @param ingest what the entries did; null unless a feed was read
 */
public record PollOutcome(UUID sourceId, String status, String error, IngestReport ingest) {
}
