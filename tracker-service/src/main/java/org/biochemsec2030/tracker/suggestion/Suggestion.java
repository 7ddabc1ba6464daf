package org.biochemsec2030.tracker.suggestion;

import java.time.Instant;
import java.util.UUID;

/**
 * A source a member suggested, as analysts see it.
 *
 * @param memberId who suggested it; null once they were erased
 * @param memberName their name when they suggested it; null once they were erased
 */
public record Suggestion(UUID id, String url, String reason, String memberId, String memberName, Instant suggestedAt,
		Instant anonymisedAt) {
}
