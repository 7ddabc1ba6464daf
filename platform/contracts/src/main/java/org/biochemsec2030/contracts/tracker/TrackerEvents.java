package org.biochemsec2030.contracts.tracker;

import java.util.List;

import org.biochemsec2030.contracts.EventType;

/** The events the tracker-service publishes on {@code bcs.tracker}. */
public final class TrackerEvents {

	public static final String TOPIC = "bcs.tracker";

	public static final List<EventType> ALL = List.of(
			new EventType(DevelopmentPublished.TYPE, DevelopmentPublished.class, true),
			new EventType(DevelopmentUpdated.TYPE, DevelopmentUpdated.class, true),
			new EventType(DevelopmentWithdrawn.TYPE, DevelopmentWithdrawn.class, true),
			new EventType(DevelopmentAssessed.TYPE, DevelopmentAssessed.class, false),
			new EventType(WatchlistMatched.TYPE, WatchlistMatched.class, false));

	private TrackerEvents() {
	}

}
