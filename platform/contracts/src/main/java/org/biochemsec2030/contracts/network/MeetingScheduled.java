package org.biochemsec2030.contracts.network;

import java.time.Instant;
import java.util.List;

import org.biochemsec2030.contracts.EventContract;

/**
 * A meeting of the science and security network was scheduled. Public data only: no
 * attendees, no organiser's personal details.
 */
public record MeetingScheduled(String meetingId, String title, String summary, String url, Instant startsAt,
		Instant endsAt, String location, List<String> topics) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.network.meeting.scheduled.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return meetingId;
	}

}
