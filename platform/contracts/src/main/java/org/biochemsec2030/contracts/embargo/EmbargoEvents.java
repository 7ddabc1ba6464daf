package org.biochemsec2030.contracts.embargo;

import java.util.List;

import org.biochemsec2030.contracts.EventType;

/**
 * Embargoed announcements. An embargoed event carries {@link #FIELD} (an RFC 3339 time)
 * in its data and goes out under one id: at once on {@link #TOPIC}, which only the
 * partner subscriptions read (trusted partners get it then), and at the embargo's end on
 * {@code bcs.public} and its service's own topic. The catalogue holds the one event of
 * this topic that is not an announcement itself: the recall of one.
 */
public final class EmbargoEvents {

	public static final String TOPIC = "bcs.embargoed";

	/** The field of an event's data that carries its embargo. */
	public static final String FIELD = "embargo_until";

	public static final List<EventType> ALL = List
		.of(new EventType(EmbargoRecalled.TYPE, EmbargoRecalled.class, false));

	private EmbargoEvents() {
	}

}
