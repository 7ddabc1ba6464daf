package org.biochemsec2030.network.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A meeting as the site shows it. {@code onlineUrl} is filled only for a viewer with a
 * place; {@code localStart} and {@code localEnd} are the times where it is held;
 * {@code location} the venue, "online", or both.
 */
public record MeetingView(UUID id, String slug, String url, String title, String summary, String agenda,
		List<String> speakers, Instant startsAt, Instant endsAt, String timeZone, String localStart, String localEnd,
		String venue, boolean online, String location, String onlineUrl, int capacity, int attending, int waiting,
		boolean full, Instant registrationClosesAt, boolean registrationOpen, List<String> topics, String status,
		int sequence, Rsvp rsvp) {

}
