package org.biochemsec2030.tracker.assessment;

import java.util.List;
import java.util.UUID;

/**
 * One analyst's judgement of a development, as sent.
 *
 * @param field a topic slug of the shared taxonomy ({@code synthetic-biology})
 * @param provisions the provisions it is relevant to ({@code BWC-X}, {@code CWC-VA},
 * {@code 1540-OP3}); their regimes follow from them
 * @param implications risk, benefit, verification-opportunity, governance-need
 * @param trl technology readiness, 1 to 9
 * @param likelihood of the implications coming about, 1 (remote) to 5 (almost certain)
 * @param impact on the regimes if they do, 1 (minor) to 5 (severe)
 * @param confidence low, medium or high
 * @param hardMeasures binding measures it calls for (controls, verification)
 * @param softMeasures voluntary ones (guidance, awareness, codes of conduct)
 * @param rationale why, for analysts: may hold technical detail
 * @param itemIds the development's items this rests on, at least one
 */
public record AssessmentInput(String field, List<String> provisions, List<String> implications, Integer trl,
		Integer likelihood, Integer impact, String confidence, List<String> hardMeasures, List<String> softMeasures,
		String rationale, List<UUID> itemIds) {
}
