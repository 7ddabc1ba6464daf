package org.biochemsec2030.publishing.paper;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.publishing.support.InvalidInput;
import org.biochemsec2030.publishing.support.Publishers;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Papers over JSON: public reads by address name, staff writes by id. Each write names
 * its roles here; platform/security's path rules only require a token.
 */
@RestController
class PaperController {

	private static final String BASE = "/api/publishing/v1/papers";

	private static final String EDITORIAL = "/api/publishing/v1/editorial/papers";

	private final PaperService papers;

	PaperController(PaperService papers) {
		this.papers = papers;
	}

	/** A page of published papers: {@code {"items": [...], "page", "size", "total"}}. */
	@GetMapping(BASE)
	PublicList published(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "10") int size) {
		if (page < 0) {
			throw InvalidInput.of("page", "use a page number of 0 or more");
		}
		if (size < 1 || size > 50) {
			throw InvalidInput.of("size", "use a page size from 1 to 50");
		}
		return new PublicList(this.papers.published(page, size), page, size, this.papers.countPublished());
	}

	record PublicList(List<PaperSummary> items, int page, int size, int total) {

	}

	@GetMapping(BASE + "/{slug}")
	PaperView latest(@PathVariable String slug) {
		return this.papers.latest(slug);
	}

	@GetMapping(BASE + "/{slug}/versions/{number}")
	PaperView version(@PathVariable String slug, @PathVariable int number) {
		return this.papers.version(slug, number);
	}

	@PostMapping(BASE)
	@PreAuthorize(Publishers.ONLY)
	ResponseEntity<EditorialPaper> create(@Valid @RequestBody PaperInput input) {
		EditorialPaper created = this.papers.create(actor(), input);
		return ResponseEntity.created(URI.create(EDITORIAL + "/" + created.id())).body(created);
	}

	@PutMapping(BASE + "/{id}")
	@PreAuthorize(Publishers.ONLY)
	EditorialPaper update(@PathVariable UUID id, @Valid @RequestBody PaperInput input) {
		return this.papers.update(actor(), id, input);
	}

	@PostMapping(BASE + "/{id}/submit")
	@PreAuthorize(Publishers.ONLY)
	EditorialPaper submit(@PathVariable UUID id) {
		return this.papers.submit(actor(), id);
	}

	@PostMapping(BASE + "/{id}/review-rounds")
	@PreAuthorize(Publishers.ONLY)
	EditorialPaper openReview(@PathVariable UUID id) {
		return this.papers.openReview(actor(), id);
	}

	@PostMapping(BASE + "/{id}/reviewers")
	@PreAuthorize(Publishers.ONLY)
	ResponseEntity<Review.Assignment> assign(@PathVariable UUID id, @Valid @RequestBody Review.AssignInput input) {
		Review.Assignment assignment = this.papers.assign(actor(), id, input);
		return ResponseEntity.created(URI.create(BASE + "/" + id + "/reviewers/" + assignment.id())).body(assignment);
	}

	@PostMapping(BASE + "/{id}/reviewers/{assignment}/review")
	@PreAuthorize(Publishers.ONLY)
	Review.Assignment review(@PathVariable UUID id, @PathVariable UUID assignment,
			@Valid @RequestBody Review.ReviewInput input) {
		return this.papers.review(actor(), id, assignment, input);
	}

	@PostMapping(BASE + "/{id}/request-revisions")
	@PreAuthorize(Publishers.ONLY)
	EditorialPaper requestRevisions(@PathVariable UUID id,
			@Valid @RequestBody(required = false) Review.NoteInput input) {
		return this.papers.requestRevisions(actor(), id, (input != null) ? input.note() : null);
	}

	@PostMapping(BASE + "/{id}/approve")
	@PreAuthorize(Publishers.ONLY)
	EditorialPaper approve(@PathVariable UUID id, @Valid @RequestBody(required = false) Review.NoteInput input) {
		return this.papers.approve(actor(), id, (input != null) ? input.note() : null);
	}

	@PostMapping(BASE + "/{id}/dual-use")
	@PreAuthorize(Publishers.ONLY)
	EditorialPaper dualUse(@PathVariable UUID id, @Valid @RequestBody Review.DualUseInput input) {
		return this.papers.dualUse(actor(), id, input);
	}

	@PostMapping(BASE + "/{id}/schedule")
	@PreAuthorize(Publishers.ONLY)
	EditorialPaper schedule(@PathVariable UUID id, @Valid @RequestBody Review.ScheduleInput input) {
		return this.papers.schedule(actor(), id, input.at(), Boolean.TRUE.equals(input.embargo()));
	}

	@PostMapping(BASE + "/{id}/unschedule")
	@PreAuthorize(Publishers.ONLY)
	EditorialPaper unschedule(@PathVariable UUID id) {
		return this.papers.unschedule(actor(), id);
	}

	@PostMapping(BASE + "/{id}/publish")
	@PreAuthorize(Publishers.ONLY)
	EditorialPaper publish(@PathVariable UUID id) {
		return this.papers.publish(actor(), id);
	}

	@PostMapping(BASE + "/{id}/versions")
	@PreAuthorize(Publishers.ONLY)
	EditorialPaper newVersion(@PathVariable UUID id, @Valid @RequestBody ChangeNote note) {
		return this.papers.newVersion(actor(), id, note);
	}

	@PostMapping(BASE + "/{id}/withdraw")
	@PreAuthorize(Publishers.ONLY)
	EditorialPaper withdraw(@PathVariable UUID id, @Valid @RequestBody Review.WithdrawInput input) {
		return this.papers.withdraw(actor(), id, input.notice());
	}

	@GetMapping(EDITORIAL)
	@PreAuthorize(Publishers.ONLY)
	List<EditorialPaper> editorial(@RequestParam(required = false) String state,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		PaperState filter = null;
		if (state != null && !state.isBlank()) {
			try {
				filter = PaperState.valueOf(state.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInput.of("state", "use one of " + java.util.Arrays.toString(PaperState.values()));
			}
		}
		if (page < 0 || size < 1 || size > 50) {
			throw InvalidInput.of("size", "use a page of 0 or more and a size from 1 to 50");
		}
		return this.papers.editorial(filter, page, size);
	}

	@GetMapping(EDITORIAL + "/{id}")
	@PreAuthorize(Publishers.ONLY)
	EditorialPaper editorial(@PathVariable UUID id) {
		return this.papers.editorial(id);
	}

	private static Actor actor() {
		return Actor.current().orElseThrow();
	}

}
