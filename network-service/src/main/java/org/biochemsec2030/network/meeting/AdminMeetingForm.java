package org.biochemsec2030.network.meeting;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.biochemsec2030.network.support.Conflict;
import org.biochemsec2030.network.support.InvalidInput;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.taxonomy.Topic;
import org.biochemsec2030.platform.pages.FormKeys;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Scheduling and changing a meeting in the admin tool, through the same {@link Meetings}
 * as the API: a change tells everyone who answered and raises the calendar's SEQUENCE. A
 * form that needs fixing comes back with a message beside each field and everything
 * typed. Times are typed as the clock shows them where the meeting is held, in the zone
 * picked from the list.
 */
@Controller
class AdminMeetingForm {

	/** The zones offered: region/city names, as people know them, in order. */
	static final List<String> ZONES = ZoneId.getAvailableZoneIds()
		.stream()
		.filter(z -> z.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+")
				|| z.equals("UTC"))
		.sorted()
		.toList();

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private static final List<String> FIELDS = List.of("title", "slug", "summary", "agenda", "speakers", "startsAt",
			"endsAt", "timeZone", "venue", "onlineUrl", "capacity", "registrationClosesAt", "formKey");

	private final Meetings meetings;

	private final FormKeys keys;

	AdminMeetingForm(Meetings meetings, FormKeys keys) {
		this.meetings = meetings;
		this.keys = keys;
	}

	/** A topic checkbox. */
	record TopicChoice(String value, String label, boolean checked) {

	}

	@GetMapping("/admin/network/meetings/new")
	String blank(Model model) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("timeZone", "Europe/London");
		form.put("capacity", "30");
		form.put("formKey", FormKeys.draw());
		return page(model, null, form, List.of(), Map.of(), null);
	}

	/**
	 * Schedules the meeting once per form: the same form sent again (its key already
	 * used) leads to the meeting the first one made.
	 */
	@PostMapping(path = "/admin/network/meetings", consumes = "application/x-www-form-urlencoded")
	String schedule(@RequestParam MultiValueMap<String, String> fields, Model model, HttpServletResponse response) {
		try {
			Actor actor = Actor.current().orElseThrow();
			return "redirect:" + this.keys.once(fields.getFirst("formKey"), "meeting.schedule",
					() -> "/admin/network/meetings/" + this.meetings.schedule(input(fields), actor).id());
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, null, typed(fields), fields.getOrDefault("topics", List.of()), errors(ex), null);
		}
		catch (Conflict ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return page(model, null, typed(fields), fields.getOrDefault("topics", List.of()), Map.of(),
					ex.getMessage());
		}
	}

	@GetMapping("/admin/network/meetings/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		MeetingView meeting = this.meetings.byId(id);
		ZoneId zone = ZoneId.of(meeting.timeZone());
		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", meeting.title());
		form.put("slug", meeting.slug());
		form.put("summary", meeting.summary());
		form.put("agenda", (meeting.agenda() != null) ? meeting.agenda() : "");
		form.put("speakers", String.join("\n", meeting.speakers()));
		form.put("startsAt", local(meeting.startsAt(), zone));
		form.put("endsAt", local(meeting.endsAt(), zone));
		form.put("timeZone", meeting.timeZone());
		form.put("venue", (meeting.venue() != null) ? meeting.venue() : "");
		form.put("onlineUrl", (meeting.onlineUrl() != null) ? meeting.onlineUrl() : "");
		form.put("capacity", Integer.toString(meeting.capacity()));
		form.put("registrationClosesAt", local(meeting.registrationClosesAt(), zone));
		return page(model, meeting, form, meeting.topics(), Map.of(), null);
	}

	@PostMapping(path = "/admin/network/meetings/{id}", consumes = "application/x-www-form-urlencoded")
	String change(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> fields, Model model,
			HttpServletResponse response) {
		MeetingView meeting = this.meetings.byId(id);
		try {
			this.meetings.update(id, input(fields), Actor.current().orElseThrow());
			return "redirect:/admin/network/meetings/" + id;
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, meeting, typed(fields), fields.getOrDefault("topics", List.of()), errors(ex), null);
		}
		catch (Conflict ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return page(model, meeting, typed(fields), fields.getOrDefault("topics", List.of()), Map.of(),
					ex.getMessage());
		}
	}

	/** The form as the API's input; a capacity that is not a number is left out. */
	static MeetingInput input(MultiValueMap<String, String> fields) {
		Integer capacity;
		try {
			capacity = Integer.valueOf(value(fields, "capacity").strip());
		}
		catch (NumberFormatException ex) {
			capacity = null;
		}
		List<String> speakers = Arrays.stream(value(fields, "speakers").split("\\R"))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.toList();
		return new MeetingInput(value(fields, "title"), value(fields, "slug"), value(fields, "summary"),
				value(fields, "agenda"), speakers, value(fields, "startsAt"), value(fields, "endsAt"),
				value(fields, "timeZone"), value(fields, "venue"), value(fields, "onlineUrl"), capacity,
				value(fields, "registrationClosesAt"), fields.getOrDefault("topics", List.of()));
	}

	private static String value(MultiValueMap<String, String> fields, String name) {
		String value = fields.getFirst(name);
		return (value != null) ? value : "";
	}

	private static Map<String, String> typed(MultiValueMap<String, String> fields) {
		Map<String, String> form = new LinkedHashMap<>();
		FIELDS.forEach(name -> form.put(name, value(fields, name)));
		return form;
	}

	private static Map<String, String> errors(InvalidInput ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
		return errors;
	}

	private static String local(Instant instant, ZoneId zone) {
		return (instant != null) ? LOCAL.format(instant.atZone(zone)) : "";
	}

	private static String page(Model model, MeetingView meeting, Map<String, String> form, List<String> topics,
			Map<String, String> errors, String problem) {
		Map<String, String> filled = new LinkedHashMap<>();
		FIELDS.forEach(name -> filled.put(name, form.getOrDefault(name, "")));
		model.addAttribute("meeting", meeting);
		model.addAttribute("form", filled);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		model.addAttribute("zones", ZONES);
		model.addAttribute("topicChoices",
				Arrays.stream(Topic.values())
					.map(t -> new TopicChoice(t.slug(), t.label(), topics.contains(t.slug())))
					.toList());
		return "admin/network/meeting-form";
	}

}
