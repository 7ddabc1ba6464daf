package org.biochemsec2030.tracker.item;

import java.util.UUID;

/**
 * Which items the triage queue shows; every part is optional.
 *
 * @param status new (the default queue), dismissed, promoted, or null for all
 * @param flagged only flagged items when true
 * @param tag items with this tag
 * @param topic items with this topic slug
 * @param source items reported by this source
 * @param text items whose title or summary contains this text, any case
 */
public record QueueFilter(String status, boolean flagged, String tag, String topic, UUID source, String text, int page,
		int size) {

	public static QueueFilter newItems() {
		return new QueueFilter("new", false, null, null, null, null, 0, 50);
	}

}
