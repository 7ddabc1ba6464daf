package org.biochemsec2030.network.meeting;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.biochemsec2030.network.Api;
import org.biochemsec2030.network.NetworkServiceTest;
import org.biochemsec2030.platform.test.KeptPages;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network's public pages, its landing page and the meetings under /events, are kept
 * once rendered (platform/pages), and the next anonymous read after a meeting is
 * scheduled, changed, answered and cancelled shows the change on every page that carries
 * it: the list, its page and the calendar files. Pages under /network are a member's or a
 * form and are never kept.
 */
@NetworkServiceTest
class KeptPagesIT {

	private static final String MEETINGS = "/api/network/v1/meetings";

	@LocalServerPort
	int port;

	@Autowired
	MeetingTimes times;

	static MeetingInput meeting(String title, String slug, String start) {
		return new MeetingInput(title, slug, "How verification keeps up with new tools.", "10:00 Talks",
				List.of("Dr B. Speaker"), start, start.replace("T10:00", "T13:00"), "Europe/Zurich",
				"Palais des Nations, Geneva", null, 1, null, List.of("detection-verification"));
	}

	@Test
	void theNextReadAfterEachChangeShowsItOnEveryPageThatCarriesTheMeeting() throws Exception {
		String key = UUID.randomUUID().toString().substring(0, 8);
		String title = "Kept meeting " + key;
		String slug = "kept-meeting-" + key;
		String page = "/events/" + slug;
		for (String path : List.of("/events", "/events/calendar.ics")) {
			pages().assertKept(path);
			assertThat(pages().read(path).body()).as(path).doesNotContain(title);
		}

		Api coordinator = new Api(this.port, "coordinator");
		Api.Response scheduled = coordinator.post(MEETINGS, meeting(title, slug, "2030-09-01T10:00"));
		assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
		String id = scheduled.json().path("id").asString();
		for (String path : List.of("/events", page, "/events/calendar.ics", page + ".ics")) {
			assertThat(pages().read(path).body()).as("after scheduling: " + path).contains(title);
		}
		pages().assertKept(page);
		assertThat(Jsoup.parse(pages().read(page).body()).select("#places").text()).isEqualTo("1 of 1 free");

		String changed = title + " moved";
		Api.Response moved = coordinator.put(MEETINGS + "/" + id, meeting(changed, slug, "2030-09-02T10:00"));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		for (String path : List.of("/events", page, "/events/calendar.ics", page + ".ics")) {
			assertThat(pages().read(path).body()).as("after the change: " + path).contains(changed);
		}

		Api.Response answered = new Api(this.port, "member").post(MEETINGS + "/" + slug + "/rsvp", "{}");
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);
		assertThat(Jsoup.parse(pages().read(page).body()).select("#places").text()).as("after an answer")
			.startsWith("All 1 places are taken");

		Api.Response cancelled = coordinator.post(MEETINGS + "/" + id + "/cancel", "{}");
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(pages().read(page).body()).as("after the cancellation: its page")
			.contains("This meeting has been cancelled.");
		assertThat(pages().read("/events").body()).as("after the cancellation: the list").doesNotContain(changed);
		assertThat(pages().read(page + ".ics").body()).as("after the cancellation: its calendar file")
			.contains("STATUS:CANCELLED");
	}

	@Test
	void keepsTheLandingPageButNothingElseUnderNetwork() throws Exception {
		pages().assertKept("/network");
		HttpResponse<String> apply = pages().read("/network/apply");
		assertThat(apply.headers().firstValue("ETag")).as("the application form").isEmpty();
	}

	@Test
	void aSignedInReadIsNeverServedFromTheKeptPages() throws Exception {
		pages().assertKept("/events");
		Api.Response signedIn = new Api(this.port, "member").page("/events");
		assertThat(signedIn.status()).isEqualTo(200);
		assertThat(signedIn.header("ETag")).isNull();
	}

	@Test
	void aMeetingsMomentPassingMovesTheSiteVersionAsAChangeWould() throws Exception {
		String key = UUID.randomUUID().toString().substring(0, 8);
		Api.Response scheduled = new Api(this.port, "coordinator").post(MEETINGS,
				meeting("Timed meeting " + key, "timed-meeting-" + key, "2031-03-03T10:00"));
		assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
		Instant ends = Instant.parse(scheduled.json().path("endsAt").asString());

		long before = pages().version();
		assertThat(this.times.passed(Instant.parse("1971-01-01T00:00:00Z"), Instant.parse("1971-01-01T00:00:01Z")))
			.as("no meeting began, ended or closed then")
			.isFalse();
		assertThat(pages().version()).isEqualTo(before);
		assertThat(this.times.passed(ends.minusSeconds(1), ends)).as("the meeting ended").isTrue();
		assertThat(pages().version()).isGreaterThan(before);
	}

	private KeptPages pages() {
		return new KeptPages(this.port, "network");
	}

}
