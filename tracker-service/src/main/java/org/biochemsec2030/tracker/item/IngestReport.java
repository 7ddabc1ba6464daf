package org.biochemsec2030.tracker.item;

/**
 * What one feed's entries did.
 *
 * @param entries entries read
 * @param newItems items created
 * @param duplicates entries recognised as items already known (from any source)
 * @param newReports entries this source had not reported before
 * @param skipped entries without a web address or a title
 */
public record IngestReport(int entries, int newItems, int duplicates, int newReports, int skipped) {
}
