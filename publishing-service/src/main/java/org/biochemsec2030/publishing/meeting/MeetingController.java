package org.biochemsec2030.publishing.meeting;

import java.util.List;

import jakarta.validation.Valid;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.publishing.support.Publishers;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeetingController {

	private static final String BASE = "/api/publishing/v1/meetings";

	private final MeetingService meetings;

	MeetingController(MeetingService meetings) {
		this.meetings = meetings;
	}

	@GetMapping(BASE)
	List<TreatyMeeting> all() {
		return this.meetings.all();
	}

	@GetMapping(BASE + "/{slug}")
	TreatyMeeting one(@PathVariable String slug) {
		return this.meetings.get(slug);
	}

	/** Creates or replaces a meeting under its address name (idempotent). */
	@PutMapping(BASE)
	@PreAuthorize(Publishers.ONLY)
	TreatyMeeting save(@Valid @RequestBody MeetingInput input) {
		return this.meetings.save(Actor.current().orElseThrow(), input);
	}

}
