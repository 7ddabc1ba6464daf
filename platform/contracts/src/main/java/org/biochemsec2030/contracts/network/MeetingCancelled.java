package org.biochemsec2030.contracts.network;

import java.time.Instant;

import org.biochemsec2030.contracts.EventContract;

/** A meeting of the network was cancelled. Public data only. */
public record MeetingCancelled(String meetingId, String title, String url, Instant startsAt,
		Instant cancelledAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.network.meeting.cancelled.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return meetingId;
	}

}
