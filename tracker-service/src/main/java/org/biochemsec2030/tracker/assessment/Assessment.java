package org.biochemsec2030.tracker.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One version of one analyst's assessment, as recorded.
 *
 * @param regimes the codes of the regimes its provisions belong to, in the taxonomy's
 * order
 * @param version 1 for the analyst's first assessment of the development, one more for
 * each change
 */
public record Assessment(UUID developmentId, String assessorId, String assessorName, int version, Instant recordedAt,
		String field, List<String> regimes, List<String> provisions, List<String> implications, int trl, int likelihood,
		int impact, String confidence, List<String> hardMeasures, List<String> softMeasures, String rationale,
		List<UUID> itemIds) {
}
