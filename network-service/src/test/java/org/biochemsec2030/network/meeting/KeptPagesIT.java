package org.biochemsec2030.network.meeting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.biochemsec2030.network.Api;
import org.biochemsec2030.network.NetworkServiceTest;
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

	private static final HttpClient HTTP = HttpClient.newHttpClient();

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
			assertKept(path);
			assertThat(read(path).body()).as(path).doesNotContain(title);
		}

		Api coordinator = new Api(this.port, "coordinator");
		Api.Response scheduled = coordinator.post(MEETINGS, meeting(title, slug, "2030-09-01T10:00"));
		assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
		String id = scheduled.json().path("id").asString();
		for (String path : List.of("/events", page, "/events/calendar.ics", page + ".ics")) {
			assertThat(read(path).body()).as("after scheduling: " + path).contains(title);
		}
		assertKept(page);
		assertThat(Jsoup.parse(read(page).body()).select("#places").text()).isEqualTo("1 of 1 free");

		String changed = title + " moved";
		Api.Response moved = coordinator.put(MEETINGS + "/" + id, meeting(changed, slug, "2030-09-02T10:00"));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		for (String path : List.of("/events", page, "/events/calendar.ics", page + ".ics")) {
			assertThat(read(path).body()).as("after the change: " + path).contains(changed);
		}

		Api.Response answered = new Api(this.port, "member").post(MEETINGS + "/" + slug + "/rsvp", "{}");
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);
		assertThat(Jsoup.parse(read(page).body()).select("#places").text()).as("after an answer")
			.startsWith("All 1 places are taken");

		Api.Response cancelled = coordinator.post(MEETINGS + "/" + id + "/cancel", "{}");
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(read(page).body()).as("after the cancellation: its page")
			.contains("This meeting has been cancelled.");
		assertThat(read("/events").body()).as("after the cancellation: the list").doesNotContain(changed);
		assertThat(read(page + ".ics").body()).as("after the cancellation: its calendar file")
			.contains("STATUS:CANCELLED");
	}

	@Test
	void keepsTheLandingPageButNothingElseUnderNetwork() throws Exception {
		assertKept("/network");
		HttpResponse<String> apply = read("/network/apply");
		assertThat(apply.headers().firstValue("ETag")).as("the application form").isEmpty();
	}

	@Test
	void aSignedInReadIsNeverServedFromTheKeptPages() throws Exception {
		assertKept("/events");
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

		long before = version();
		assertThat(this.times.passed(Instant.parse("1971-01-01T00:00:00Z"), Instant.parse("1971-01-01T00:00:01Z")))
			.as("no meeting began, ended or closed then")
			.isFalse();
		assertThat(version()).isEqualTo(before);
		assertThat(this.times.passed(ends.minusSeconds(1), ends)).as("the meeting ended").isTrue();
		assertThat(version()).isGreaterThan(before);
	}

	private long version() throws Exception {
		HttpResponse<String> answer = HTTP
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/network/v1/site-version"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
		return Api.JSON.readTree(answer.body()).path("version").asLong();
	}

	/**
	 * A kept page answers a repeated read with the same ETag, and that ETag with a 304;
	 * it says no-cache (kept, to be checked again), not no-store.
	 */
	private void assertKept(String path) throws Exception {
		String etag = read(path).headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> second = read(path);
		assertThat(second.headers().firstValue("ETag")).as(path).hasValue(etag);
		assertThat(second.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
		HttpResponse<String> again = HTTP.send(request(path).header("If-None-Match", etag).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).as(path).isEqualTo(304);
		assertThat(again.body()).isEmpty();
	}

	private HttpResponse<String> read(String path) throws Exception {
		HttpResponse<String> answer = HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(path).isEqualTo(200);
		return answer;
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).header("Accept", "text/html");
	}

}
