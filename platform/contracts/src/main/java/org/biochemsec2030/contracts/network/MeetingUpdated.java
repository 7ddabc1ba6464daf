package org.biochemsec2030.contracts.network;

import java.time.Instant;
import java.util.List;

import org.biochemsec2030.contracts.EventContract;

/**
 * A scheduled meeting of the network changed (time, place, title...). Carries the meeting
 * as it now is; {@code sequence} grows with every change, as in its calendar file. Public
 * data only.
 */
public record MeetingUpdated(String meetingId, String title, String summary, String url, Instant startsAt,
		Instant endsAt, String location, List<String> topics, int sequence) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.network.meeting.updated.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return meetingId;
	}

}
