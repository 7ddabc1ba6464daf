package org.biochemsec2030.network.meeting;

import jakarta.servlet.http.HttpServletResponse;
import org.biochemsec2030.network.support.Conflict;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The meetings on the site: the list, one meeting with the member's answer, and the
 * calendar files.
 */
@Controller
class EventsPage {

	private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private static final String MEMBERS = "hasAnyRole('member', 'coordinator', 'admin')";

	private final Meetings meetings;

	private final MeetingCalendar calendar;

	EventsPage(Meetings meetings, MeetingCalendar calendar) {
		this.meetings = meetings;
		this.calendar = calendar;
	}

	@GetMapping("/events")
	String list(Model model) {
		model.addAttribute("upcoming", this.meetings.upcoming(50));
		model.addAttribute("past", this.meetings.past(20));
		return "events/list";
	}

	@GetMapping("/events/calendar.ics")
	ResponseEntity<String> feed() {
		return ResponseEntity.ok().contentType(CALENDAR).body(this.calendar.feed());
	}

	@GetMapping("/events/{slug}.ics")
	ResponseEntity<String> ics(@PathVariable String slug) {
		String body = this.calendar.one(slug);
		return ResponseEntity.ok()
			.contentType(CALENDAR)
			.header("Content-Disposition", "attachment; filename=\"" + slug + ".ics\"")
			.body(body);
	}

	@GetMapping("/events/{slug}")
	String one(@PathVariable String slug, @AuthenticationPrincipal Jwt jwt, Model model) {
		return page(model, slug, jwt, null);
	}

	@PostMapping("/events/{slug}/rsvp")
	@PreAuthorize(MEMBERS)
	String attend(@PathVariable String slug, @AuthenticationPrincipal Jwt jwt, Model model,
			HttpServletResponse response) {
		try {
			this.meetings.attend(slug, MeetingController.attendee(jwt));
		}
		catch (Conflict ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return page(model, slug, jwt, ex.getMessage());
		}
		return "redirect:/events/" + slug;
	}

	@PostMapping("/events/{slug}/rsvp/cancel")
	@PreAuthorize(MEMBERS)
	String withdraw(@PathVariable String slug, @AuthenticationPrincipal Jwt jwt) {
		this.meetings.withdraw(slug, jwt.getSubject());
		return "redirect:/events/" + slug;
	}

	private String page(Model model, String slug, Jwt jwt, String problem) {
		model.addAttribute("meeting", this.meetings.bySlug(slug, (jwt != null) ? jwt.getSubject() : null));
		model.addAttribute("signedIn", jwt != null);
		model.addAttribute("problem", problem);
		return "events/meeting";
	}

}
