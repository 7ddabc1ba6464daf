package org.biochemsec2030.content.micro;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import org.biochemsec2030.content.support.Editors;
import org.biochemsec2030.content.support.Paging;
import org.biochemsec2030.content.support.PublishRequest;
import org.biochemsec2030.content.support.PublicList;
import org.biochemsec2030.content.support.Status;
import org.biochemsec2030.content.support.TextFilter;
import org.biochemsec2030.platform.security.Actor;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MicroPostController {

	private static final String BASE = "/api/content/v1/micro";

	private final MicroPostService micros;

	MicroPostController(MicroPostService micros) {
		this.micros = micros;
	}

	@GetMapping(BASE)
	PublicList<MicroPostView> published(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "10") int size, @RequestParam(required = false) String tag) {
		return this.micros.published(new Paging(page, size), tag);
	}

	@GetMapping(BASE + "/{id}")
	MicroThread thread(@PathVariable UUID id) {
		return this.micros.thread(id);
	}

	@PostMapping(BASE)
	@PreAuthorize(Editors.ONLY)
	ResponseEntity<MicroPostCreated> create(@Valid @RequestBody MicroPostInput input) {
		MicroPostCreated created = this.micros.create(actor(), input);
		return ResponseEntity.created(URI.create("/api/content/v1/editorial/micro/" + created.id())).body(created);
	}

	@PutMapping(BASE + "/{id}")
	@PreAuthorize(Editors.ONLY)
	EditorialMicroPost update(@PathVariable UUID id, @Valid @RequestBody MicroPostInput input) {
		return this.micros.update(actor(), id, input);
	}

	@PostMapping(BASE + "/{id}/submit")
	@PreAuthorize(Editors.ONLY)
	EditorialMicroPost submit(@PathVariable UUID id) {
		return this.micros.submit(actor(), id);
	}

	@PostMapping(BASE + "/{id}/publish")
	@PreAuthorize(Editors.ONLY)
	EditorialMicroPost publish(@PathVariable UUID id, @RequestBody(required = false) PublishRequest request) {
		return this.micros.publish(actor(), id, (request != null) ? request.at() : null);
	}

	@PostMapping(BASE + "/{id}/unpublish")
	@PreAuthorize(Editors.ONLY)
	EditorialMicroPost unpublish(@PathVariable UUID id) {
		return this.micros.unpublish(actor(), id);
	}

	@GetMapping("/api/content/v1/editorial/micro")
	@PreAuthorize(Editors.ONLY)
	PublicList<EditorialMicroPost> editorial(@RequestParam(required = false) String status,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return this.micros.editorial((status != null) ? Status.parse("status", status) : null, TextFilter.parse("q", q),
				new Paging(page, size));
	}

	@GetMapping("/api/content/v1/editorial/micro/{id}")
	@PreAuthorize(Editors.ONLY)
	EditorialMicroPost editorial(@PathVariable UUID id) {
		return this.micros.editorial(id);
	}

	private static Actor actor() {
		return Actor.current().orElseThrow();
	}

}
