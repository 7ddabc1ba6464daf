package org.biochemsec2030.tracker.assessment;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.tracker.support.Analysts;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Analysts' assessments of a development: each posts their own (a new version each time),
 * and everyone sees how they compare.
 */
@RestController
@PreAuthorize(Analysts.ONLY)
class AssessmentController {

	private static final String BASE = "/api/tracker/v1/analysis/developments/{id}/assessments";

	private final AssessmentService assessments;

	AssessmentController(AssessmentService assessments) {
		this.assessments = assessments;
	}

	/** The caller's assessment, recorded as their next version. */
	@PostMapping(BASE)
	ResponseEntity<Assessment> record(@PathVariable UUID id, @RequestBody AssessmentInput input) {
		Assessment recorded = this.assessments.record(id, input, Actor.current().orElseThrow());
		return ResponseEntity.created(URI.create(BASE.replace("{id}", id.toString()) + "/history")).body(recorded);
	}

	/** Each analyst's latest version, and the spread and dissent between them. */
	@GetMapping(BASE)
	AssessmentService.Comparison current(@PathVariable UUID id) {
		return this.assessments.compare(id);
	}

	/** Every version of every analyst's assessment, oldest first. */
	@GetMapping(BASE + "/history")
	List<Assessment> history(@PathVariable UUID id) {
		return this.assessments.history(id);
	}

}
