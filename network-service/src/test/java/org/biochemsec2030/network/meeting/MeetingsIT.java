package org.biochemsec2030.network.meeting;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import org.biochemsec2030.contracts.network.NetworkEvents;
import org.biochemsec2030.network.Api;
import org.biochemsec2030.network.Applicants;
import org.biochemsec2030.network.NetworkServiceTest;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.test.Mail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meetings against the real PostgreSQL: places under concurrent answers, the waiting
 * list, the calendar files read back by another parser, and the events they announce.
 */
@NetworkServiceTest
class MeetingsIT {

	private static final Actor COORDINATOR = new Actor("test-coordinator", "coordinator", List.of("coordinator"));

	@LocalServerPort
	int port;

	@Autowired
	Meetings meetings;

	@Autowired
	JdbcClient jdbc;

	static MeetingInput meeting(String title, int capacity, String start, String zone) {
		LocalDateTime starts = LocalDateTime.parse(start);
		return new MeetingInput(title, null, "How the conventions keep up with science and technology.",
				"14:00 Welcome\n14:15 Talks\n16:00 Discussion", List.of("Dr A. Speaker"), start,
				starts.plusHours(3).toString(), zone, "Reed Hall, Exeter", "https://meet.example.org/ssn-" + capacity,
				capacity, null, List.of("detection-verification"));
	}

	@Test
	void fiftyConcurrentAnswersForTenPlacesGiveTenPlacesAndFortyOnTheWaitingList() throws Exception {
		MeetingView meeting = this.meetings.schedule(
				meeting("Capacity test " + UUID.randomUUID(), 10, "2030-03-01T14:00", "Europe/London"), COORDINATOR);
		ExecutorService pool = Executors.newFixedThreadPool(50);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Rsvp>> answers = new ArrayList<>();
		List<String> emails = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String email = Applicants.uniqueEmail("member" + i);
			emails.add(email);
			Meetings.Attendee attendee = new Meetings.Attendee("member-" + i + "-" + UUID.randomUUID(), "Member " + i,
					email);
			answers.add(pool.submit(() -> {
				start.await();
				return this.meetings.attend(meeting.slug(), attendee);
			}));
		}
		start.countDown();
		List<Rsvp> results = new ArrayList<>();
		for (Future<Rsvp> answer : answers) {
			results.add(answer.get());
		}
		pool.shutdown();
		assertThat(results.stream().filter(r -> r.status().equals("attending"))).hasSize(10);
		assertThat(results.stream().filter(r -> r.status().equals("waiting"))).hasSize(40);
		// Every place on the list is taken once: 1 to 40.
		Set<Integer> positions = new HashSet<>();
		results.stream().filter(r -> r.status().equals("waiting")).forEach(r -> positions.add(r.waitingPosition()));
		assertThat(positions).hasSize(40).contains(1, 40);
		MeetingView counted = this.meetings.byId(meeting.id());
		assertThat(counted.attending()).isEqualTo(10);
		assertThat(counted.waiting()).isEqualTo(40);

		List<Map<String, Object>> line = this.jdbc
			.sql("select attendee_id, attendee_email from rsvp where meeting_id = ? and status = 'waiting'"
					+ " order by queue_position")
			.param(meeting.id())
			.query()
			.listOfRows();
		String attending = this.jdbc
			.sql("select attendee_id from rsvp where meeting_id = ? and status = 'attending' limit 1")
			.param(meeting.id())
			.query(String.class)
			.single();
		this.meetings.withdraw(meeting.slug(), attending);
		String first = (String) line.get(0).get("attendee_id");
		assertThat(this.meetings.bySlug(meeting.slug(), first).rsvp().status()).isEqualTo("attending");
		assertThat(this.meetings.bySlug(meeting.slug(), (String) line.get(1).get("attendee_id")).rsvp())
			.isEqualTo(new Rsvp("waiting", 1));
		assertThat(this.meetings.byId(meeting.id()).attending()).isEqualTo(10);
		Mail.Message promoted = Mail.await((String) line.get(0).get("attendee_email"),
				m -> m.subject().startsWith("You have a place"), Duration.ofSeconds(30));
		assertThat(promoted.text()).contains("a place has become free and it is yours");
	}

	@Test
	void theCalendarFileGivesTheInstantInTheMeetingsZoneAndItsSequenceGrowsWithEachChange() {
		Api coordinator = new Api(this.port, "coordinator");
		String title = "Calendar test " + UUID.randomUUID();
		Api.Response created = coordinator.post("/api/network/v1/meetings",
				meeting(title, 30, "2030-07-01T09:30", "America/New_York"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode meeting = created.json();
		String slug = meeting.path("slug").asString();
		String id = meeting.path("id").asString();

		VEvent first = event(Api.anonymous(this.port).get("/events/" + slug + ".ics"));
		assertThat(first.getDateStart().getValue().toInstant())
			.isEqualTo(LocalDateTime.parse("2030-07-01T09:30").atZone(ZoneId.of("America/New_York")).toInstant());
		assertThat(first.getDateEnd().getValue().toInstant())
			.isEqualTo(LocalDateTime.parse("2030-07-01T12:30").atZone(ZoneId.of("America/New_York")).toInstant());
		assertThat(first.getSequence().getValue()).isZero();
		assertThat(first.getSummary().getValue()).isEqualTo(title);
		assertThat(first.getStatus().getValue()).isEqualTo("CONFIRMED");
		String uid = first.getUid().getValue();
		assertThat(uid).isEqualTo("meeting-" + id + "@biochemsec2030.example");
		assertThat(Api.anonymous(this.port).get("/events/" + slug + ".ics").body()).doesNotContain("meet.example.org");

		Api.Response moved = coordinator.put("/api/network/v1/meetings/" + id,
				meeting(title, 30, "2030-07-02T10:00", "America/New_York"));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		VEvent second = event(Api.anonymous(this.port).get("/events/" + slug + ".ics"));
		assertThat(second.getUid().getValue()).isEqualTo(uid);
		assertThat(second.getSequence().getValue()).isEqualTo(1);
		assertThat(second.getDateStart().getValue().toInstant())
			.isEqualTo(LocalDateTime.parse("2030-07-02T10:00").atZone(ZoneId.of("America/New_York")).toInstant());

		assertThat(coordinator.post("/api/network/v1/meetings/" + id + "/cancel", Map.of()).status()).isEqualTo(200);
		VEvent cancelled = event(Api.anonymous(this.port).get("/events/" + slug + ".ics"));
		assertThat(cancelled.getSequence().getValue()).isEqualTo(2);
		assertThat(cancelled.getStatus().getValue()).isEqualTo("CANCELLED");
		assertThat(coordinator.post("/api/network/v1/meetings/" + id + "/cancel", Map.of()).status()).isEqualTo(409);

		Api.Response feed = Api.anonymous(this.port).get("/events/calendar.ics");
		assertThat(feed.header("Content-Type")).startsWith("text/calendar");
		ICalendar all = Biweekly.parse(feed.body()).first();
		assertThat(all.getEvents()).anySatisfy(e -> {
			assertThat(e.getUid().getValue()).isEqualTo(uid);
			assertThat(e.getStatus().getValue()).isEqualTo("CANCELLED");
		});

		List<String> types = this.jdbc
			.sql("select type from event_outbox where aggregate_id = ? and topic = 'bcs.public' order by id")
			.param(id)
			.query(String.class)
			.list();
		assertThat(types).containsExactly("org.biochemsec2030.network.meeting.scheduled.v1",
				"org.biochemsec2030.network.meeting.updated.v1", "org.biochemsec2030.network.meeting.cancelled.v1");
		assertThat(this.jdbc.sql("select count(*) from event_outbox where aggregate_id = ? and topic = 'bcs.network'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void eachMeetingEventCarriesExactlyTheFieldsOfItsGoldenFile() throws IOException {
		MeetingView meeting = this.meetings
			.schedule(meeting("Golden test " + UUID.randomUUID(), 5, "2030-05-01T14:00", "Europe/London"), COORDINATOR);
		this.meetings.update(meeting.id(),
				meeting("Golden test, moved " + UUID.randomUUID(), 5, "2030-05-02T14:00", "Europe/London"),
				COORDINATOR);
		this.meetings.cancel(meeting.id(), COORDINATOR);
		for (var type : NetworkEvents.ALL.stream().filter(t -> t.type().contains(".meeting.")).toList()) {
			String data = this.jdbc
				.sql("select data from event_outbox where aggregate_id = ? and type = ? and topic = 'bcs.network'")
				.params(meeting.id().toString(), type.type())
				.query(String.class)
				.single();
			JsonNode written = Api.JSON.readTree(data);
			JsonNode golden;
			try (InputStream in = getClass().getClassLoader().getResourceAsStream(type.goldenResource())) {
				golden = Api.JSON.readTree(in);
			}
			assertThat(written.propertyNames()).as(type.type())
				.containsExactlyInAnyOrderElementsOf(golden.propertyNames());
			assertThat(Api.JSON.treeToValue(golden, type.data()).eventType()).isEqualTo(type.type());
		}
	}

	@Test
	void aMemberAnswersOnThePageAndOnlyThenSeesTheOnlineLink() {
		MeetingView meeting = this.meetings
			.schedule(meeting("Page test " + UUID.randomUUID(), 1, "2030-04-01T14:00", "Europe/London"), COORDINATOR);
		String path = "/events/" + meeting.slug();
		Document anonymous = Jsoup.parse(Api.anonymous(this.port).page(path).body());
		assertThat(anonymous.select("#starts").text()).isEqualTo("Monday 1 April 2030, 14:00 (Europe/London)");
		assertThat(anonymous.select("#online-link")).isEmpty();
		assertThat(anonymous.text()).doesNotContain("meet.example.org");

		Api member = new Api(this.port, "member");
		Document before = Jsoup.parse(member.page(path).body());
		assertThat(before.select("form[action=" + path + "/rsvp] button").text()).isEqualTo("I will attend");
		Api.Response answered = member.form(path + "/rsvp", List.of());
		assertThat(answered.status()).isEqualTo(302);
		Document after = Jsoup.parse(member.page(path).body());
		assertThat(after.select("#rsvp-status").text()).isEqualTo("You have a place.");
		assertThat(after.select("#online-link").attr("href")).isEqualTo("https://meet.example.org/ssn-1");
		assertThat(member.form(path + "/rsvp", List.of()).status()).isEqualTo(302);
		assertThat(this.meetings.byId(meeting.id()).attending()).isEqualTo(1);

		Document full = Jsoup.parse(new Api(this.port, "admin").page(path).body());
		assertThat(full.select("#places").text()).startsWith("All 1 places are taken");
		assertThat(full.select("form[action=" + path + "/rsvp] button").text()).isEqualTo("Join the waiting list");
		assertThat(full.text()).contains("The meeting is full: you can join the waiting list.");

		Api coordinator = new Api(this.port, "coordinator");
		Api.Response csv = coordinator.get("/admin/network/meetings/" + meeting.id() + "/attendance.csv");
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body().lines()).hasSize(2).first().isEqualTo("name,email,status,answered_at");
		assertThat(csv.body().lines().skip(1).findFirst().orElseThrow()).contains(",attending,");
		Document admin = Jsoup.parse(coordinator.page("/admin/network/meetings/" + meeting.id()).body());
		assertThat(admin.select("#places").text()).isEqualTo("1 of 1 taken, 0 waiting");
		assertThat(member.get("/admin/network/meetings/" + meeting.id() + "/attendance.csv").status()).isEqualTo(403);

		assertThat(Api.anonymous(this.port).form(path + "/rsvp", List.of()).status()).isEqualTo(401);
		Document list = Jsoup.parse(Api.anonymous(this.port).page("/events").body());
		assertThat(list.select("a[href=" + path + "]").text()).isEqualTo(meeting.title());
	}

	@Test
	void aMeetingThatCannotBeScheduledIsAnsweredWithEachField() {
		Map<String, Object> bad = new HashMap<>();
		bad.put("title", "");
		bad.put("startsAt", "tomorrow");
		bad.put("endsAt", "2030-01-01T10:00");
		bad.put("timeZone", "Mars/Olympus");
		bad.put("capacity", 0);
		bad.put("topics", List.of("astrology"));
		Api.Response response = new Api(this.port, "coordinator").post("/api/network/v1/meetings", bad);
		assertThat(response.status()).isEqualTo(400);
		List<String> fields = new ArrayList<>();
		response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
		assertThat(fields).contains("title", "summary", "startsAt", "timeZone", "capacity", "venue", "topics");
		assertThat(new Api(this.port, "member").post("/api/network/v1/meetings", bad).status()).isEqualTo(403);
		assertThat(Api.anonymous(this.port).get("/events/no-such-meeting.ics").status()).isEqualTo(404);
	}

	private static VEvent event(Api.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("text/calendar");
		ICalendar calendar = Biweekly.parse(response.body()).first();
		assertThat(calendar.getEvents()).hasSize(1);
		return calendar.getEvents().get(0);
	}

}
