package org.biochemsec2030.network.meeting;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.network.support.InvalidInput;
import org.biochemsec2030.platform.security.Actor;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The meetings API: the coming meetings for anyone (the home page reads it), answers for
 * members, scheduling for coordinators and admins.
 */
@RestController
@RequestMapping("/api/network/v1/meetings")
class MeetingController {

	private static final String STAFF = "hasAnyRole('coordinator', 'admin')";

	private static final String MEMBERS = "hasAnyRole('member', 'coordinator', 'admin')";

	private final Meetings meetings;

	MeetingController(Meetings meetings) {
		this.meetings = meetings;
	}

	/** The coming meetings, soonest first, in the suite's public list shape. */
	@GetMapping
	Map<String, Object> upcoming(@RequestParam(defaultValue = "5") int size) {
		if (size < 1 || size > 50) {
			throw InvalidInput.of("size", "Ask for 1 to 50 meetings");
		}
		List<MeetingView> items = this.meetings.upcoming(size);
		return Map.of("items", items, "page", 0, "size", size, "total", items.size());
	}

	@GetMapping("/{slug}")
	MeetingView one(@PathVariable String slug, @AuthenticationPrincipal Jwt jwt) {
		return this.meetings.bySlug(slug, (jwt != null) ? jwt.getSubject() : null);
	}

	@PostMapping
	@PreAuthorize(STAFF)
	ResponseEntity<MeetingView> schedule(@RequestBody MeetingInput input) {
		MeetingView meeting = this.meetings.schedule(input, Actor.current().orElseThrow());
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Location", "/api/network/v1/meetings/" + meeting.slug())
			.body(meeting);
	}

	@PutMapping("/{id}")
	@PreAuthorize(STAFF)
	MeetingView update(@PathVariable UUID id, @RequestBody MeetingInput input) {
		return this.meetings.update(id, input, Actor.current().orElseThrow());
	}

	@PostMapping("/{id}/cancel")
	@PreAuthorize(STAFF)
	MeetingView cancel(@PathVariable UUID id) {
		return this.meetings.cancel(id, Actor.current().orElseThrow());
	}

	@GetMapping("/{id}/answers")
	@PreAuthorize(STAFF)
	List<Meetings.AnswerView> answers(@PathVariable UUID id) {
		return this.meetings.answers(id);
	}

	@PostMapping("/{slug}/rsvp")
	@PreAuthorize(MEMBERS)
	Rsvp attend(@PathVariable String slug, @AuthenticationPrincipal Jwt jwt) {
		return this.meetings.attend(slug, attendee(jwt));
	}

	@DeleteMapping("/{slug}/rsvp")
	@PreAuthorize(MEMBERS)
	Rsvp withdraw(@PathVariable String slug, @AuthenticationPrincipal Jwt jwt) {
		return this.meetings.withdraw(slug, jwt.getSubject());
	}

	static Meetings.Attendee attendee(Jwt jwt) {
		String name = jwt.getClaimAsString("name");
		if (name == null || name.isBlank()) {
			name = jwt.getClaimAsString("preferred_username");
		}
		return new Meetings.Attendee(jwt.getSubject(), name, jwt.getClaimAsString("email"));
	}

}
