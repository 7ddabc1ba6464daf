package org.biochemsec2030.contracts.network;

import java.util.List;

import org.biochemsec2030.contracts.EventType;

/**
 * The events the network-service publishes on {@code bcs.network}. Meeting events are
 * partner-facing (also on {@code bcs.public}); member events never leave the suite.
 */
public final class NetworkEvents {

	public static final String TOPIC = "bcs.network";

	public static final List<EventType> ALL = List.of(
			new EventType(MeetingScheduled.TYPE, MeetingScheduled.class, true),
			new EventType(MeetingUpdated.TYPE, MeetingUpdated.class, true),
			new EventType(MeetingCancelled.TYPE, MeetingCancelled.class, true),
			new EventType(MemberApproved.TYPE, MemberApproved.class, false),
			new EventType(MemberProfileChanged.TYPE, MemberProfileChanged.class, false),
			new EventType(MemberLeft.TYPE, MemberLeft.class, false),
			new EventType(MemberErased.TYPE, MemberErased.class, false));

	private NetworkEvents() {
	}

}
