package org.biochemsec2030.network.meeting;

import java.util.List;

/**
 * A meeting as staff enter it: times as the clock on the wall shows them where the
 * meeting is held ({@code 2027-02-10T14:00}) with that place's IANA zone.
 */
public record MeetingInput(String title, String slug, String summary, String agenda, List<String> speakers,
		String startsAt, String endsAt, String timeZone, String venue, String onlineUrl, Integer capacity,
		String registrationClosesAt, List<String> topics) {

	public List<String> speakers() {
		return (this.speakers != null) ? this.speakers : List.of();
	}

	public List<String> topics() {
		return (this.topics != null) ? this.topics : List.of();
	}

}
