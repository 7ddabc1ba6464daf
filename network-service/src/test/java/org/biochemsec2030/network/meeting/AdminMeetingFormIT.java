package org.biochemsec2030.network.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.network.Api;
import org.biochemsec2030.network.NetworkServiceTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator schedules, changes and cancels a meeting with the admin tool's form: the
 * times typed where the meeting is held become the right instants, a change raises the
 * calendar's SEQUENCE, and a form to fix comes back with each message and what was typed.
 */
@NetworkServiceTest
class AdminMeetingFormIT {

	@LocalServerPort
	int port;

	@Autowired
	Meetings meetings;

	@Test
	void aCoordinatorSchedulesChangesAndCancelsAMeetingWithTheForm() {
		Api staff = new Api(this.port, "coordinator");
		Document blank = Jsoup.parse(staff.page("/admin/network/meetings/new").body());
		assertThat(blank.select("#timeZone option").eachAttr("value")).contains("Europe/Paris", "Asia/Tokyo", "UTC");
		assertThat(blank.selectFirst("#timeZone option[selected]").val()).isEqualTo("Europe/London");

		String title = "Form meeting " + UUID.randomUUID().toString().substring(0, 8);
		List<Map.Entry<String, String>> wrong = form(title, "2031-06-01T10:00", "2031-06-01T09:00", "many");
		Api.Response refused = staff.form("/admin/network/meetings", wrong);
		assertThat(refused.status()).isEqualTo(400);
		Document again = Jsoup.parse(refused.body());
		assertThat(again.selectFirst("#endsAt-error").text()).contains("after the start");
		assertThat(again.selectFirst("#capacity-error").text()).contains("number of places");
		assertThat(again.selectFirst("#title").val()).isEqualTo(title);
		assertThat(again.selectFirst("#agenda").text()).isEqualTo("10:00 Welcome");
		assertThat(again.selectFirst("#timeZone option[selected]").val()).isEqualTo("Europe/Paris");
		assertThat(again.selectFirst("input[name=topics][value=chemical-synthesis]").hasAttr("checked")).isTrue();

		Api.Response made = staff.form("/admin/network/meetings",
				form(title, "2031-06-01T10:00", "2031-06-01T12:00", "12"));
		assertThat(made.status()).isEqualTo(302);
		UUID id = UUID.fromString(made.header("Location").replaceAll(".*/admin/network/meetings/", ""));
		MeetingView scheduled = this.meetings.byId(id);
		// Paris is UTC+2 in June.
		assertThat(scheduled.startsAt()).isEqualTo(Instant.parse("2031-06-01T08:00:00Z"));
		assertThat(scheduled.timeZone()).isEqualTo("Europe/Paris");
		assertThat(scheduled.speakers()).containsExactly("Ada Yonath", "Frances Arnold");
		assertThat(scheduled.capacity()).isEqualTo(12);
		assertThat(scheduled.topics()).containsExactly("chemical-synthesis");

		Document edit = Jsoup.parse(staff.page("/admin/network/meetings/" + id + "/edit").body());
		assertThat(edit.selectFirst("#startsAt").val()).isEqualTo("2031-06-01T10:00");
		assertThat(edit.selectFirst("#speakers").text()).contains("Ada Yonath");
		assertThat(edit.selectFirst("#meeting-form").attr("action")).isEqualTo("/admin/network/meetings/" + id);

		Api.Response changed = staff.form("/admin/network/meetings/" + id,
				form(title + " (moved)", "2031-06-02T15:00", "2031-06-02T17:00", "20"));
		assertThat(changed.status()).isEqualTo(302);
		MeetingView moved = this.meetings.byId(id);
		assertThat(moved.title()).endsWith("(moved)");
		assertThat(moved.startsAt()).isEqualTo(Instant.parse("2031-06-02T13:00:00Z"));
		assertThat(moved.sequence()).isGreaterThan(scheduled.sequence());

		// A change that needs fixing keeps the meeting as it was.
		Api.Response badChange = staff.form("/admin/network/meetings/" + id,
				form("", "2031-06-02T15:00", "2031-06-02T17:00", "20"));
		assertThat(badChange.status()).isEqualTo(400);
		assertThat(Jsoup.parse(badChange.body()).selectFirst("#title-error").text()).contains("title");
		assertThat(this.meetings.byId(id).title()).endsWith("(moved)");

		assertThat(staff.form("/admin/network/meetings/" + id + "/cancel", List.of()).status()).isEqualTo(302);
		assertThat(this.meetings.byId(id).status()).isEqualTo("cancelled");
		Api.Response afterCancel = staff.form("/admin/network/meetings/" + id,
				form(title, "2031-06-02T15:00", "2031-06-02T17:00", "20"));
		assertThat(afterCancel.status()).isEqualTo(409);
		assertThat(Jsoup.parse(afterCancel.body()).selectFirst(".problem").text()).contains("cancelled");

		assertThat(new Api(this.port, "member").page("/admin/network/meetings/new").status()).isEqualTo(403);
	}

	@Test
	void theSameNewMeetingFormSentTwiceMakesOneMeeting() {
		Api staff = new Api(this.port, "coordinator");
		Document blank = Jsoup.parse(staff.page("/admin/network/meetings/new").body());
		String key = blank.selectFirst("#meeting-form input[name=formKey]").val();
		assertThat(key).isNotBlank();
		String title = "Twice sent " + UUID.randomUUID().toString().substring(0, 8);
		List<Map.Entry<String, String>> fields = form(title, "2031-07-01T10:00", "2031-07-01T12:00", "10");
		fields.add(Map.entry("formKey", key));

		Api.Response first = staff.form("/admin/network/meetings", fields);
		Api.Response second = staff.form("/admin/network/meetings", fields);

		assertThat(first.status()).isEqualTo(302);
		assertThat(second.status()).isEqualTo(302);
		assertThat(second.header("Location")).isEqualTo(first.header("Location"));
		assertThat(this.meetings.all().stream().filter(m -> m.title().equals(title))).hasSize(1);
		// Each blank form draws a key of its own.
		assertThat(Jsoup.parse(staff.page("/admin/network/meetings/new").body())
			.selectFirst("#meeting-form input[name=formKey]")
			.val()).isNotEqualTo(key);
	}

	@Test
	void aFormToFixKeepsItsKeySoTheCorrectedOneIsScheduledOnce() {
		Api staff = new Api(this.port, "coordinator");
		String key = Jsoup.parse(staff.page("/admin/network/meetings/new").body())
			.selectFirst("#meeting-form input[name=formKey]")
			.val();
		String title = "Fixed then sent " + UUID.randomUUID().toString().substring(0, 8);
		List<Map.Entry<String, String>> wrong = form(title, "2031-08-01T10:00", "2031-08-01T09:00", "10");
		wrong.add(Map.entry("formKey", key));
		Api.Response refused = staff.form("/admin/network/meetings", wrong);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).selectFirst("#meeting-form input[name=formKey]").val()).isEqualTo(key);

		List<Map.Entry<String, String>> fixed = form(title, "2031-08-01T10:00", "2031-08-01T12:00", "10");
		fixed.add(Map.entry("formKey", key));
		Api.Response made = staff.form("/admin/network/meetings", fixed);
		Api.Response again = staff.form("/admin/network/meetings", fixed);
		assertThat(made.status()).isEqualTo(302);
		assertThat(again.header("Location")).isEqualTo(made.header("Location"));
		assertThat(this.meetings.all().stream().filter(m -> m.title().equals(title))).hasSize(1);
	}

	private static List<Map.Entry<String, String>> form(String title, String starts, String ends, String capacity) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		fields.add(Map.entry("title", title));
		fields.add(Map.entry("slug", ""));
		fields.add(Map.entry("summary", "Precursor controls after the review conference."));
		fields.add(Map.entry("agenda", "10:00 Welcome"));
		fields.add(Map.entry("speakers", "Ada Yonath\r\nFrances Arnold\r\n"));
		fields.add(Map.entry("timeZone", "Europe/Paris"));
		fields.add(Map.entry("startsAt", starts));
		fields.add(Map.entry("endsAt", ends));
		fields.add(Map.entry("registrationClosesAt", ""));
		fields.add(Map.entry("venue", "Institut Pasteur, Paris"));
		fields.add(Map.entry("onlineUrl", ""));
		fields.add(Map.entry("capacity", capacity));
		fields.add(Map.entry("topics", "chemical-synthesis"));
		return fields;
	}

}
