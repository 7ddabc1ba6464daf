package org.biochemsec2030.tracker.development;

import java.util.List;
import java.util.UUID;

/**
 * Items to gather into a development: into {@code developmentId} when given, else into a
 * new one called {@code title} (by default the first item's title).
 */
public record PromoteRequest(List<UUID> itemIds, UUID developmentId, String title) {
}
