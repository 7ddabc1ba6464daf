package org.biochemsec2030.contracts.network;

import java.util.List;

import org.biochemsec2030.contracts.EventType;

/** The events the network-service publishes on {@code bcs.network}. */
public final class NetworkEvents {

	public static final String TOPIC = "bcs.network";

	public static final List<EventType> ALL = List
		.of(new EventType(MeetingScheduled.TYPE, MeetingScheduled.class, true));

	private NetworkEvents() {
	}

}
