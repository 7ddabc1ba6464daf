package org.biochemsec2030.tracker.development;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A development as analysts see it, with the items it gathers. */
public record DevelopmentView(UUID id, String slug, String title, String summary, String status, Instant createdAt,
		Instant updatedAt, List<UUID> itemIds) {
}
