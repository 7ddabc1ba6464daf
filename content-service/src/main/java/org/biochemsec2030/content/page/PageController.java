package org.biochemsec2030.content.page;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.biochemsec2030.content.support.Editors;
import org.biochemsec2030.platform.security.Actor;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PageController {

	private static final String BASE = "/api/content/v1/pages";

	private final PageService pages;

	PageController(PageService pages) {
		this.pages = pages;
	}

	@GetMapping(BASE)
	List<PageLink> all() {
		return this.pages.all();
	}

	@GetMapping(BASE + "/{slug}")
	PageView bySlug(@PathVariable String slug) {
		return this.pages.bySlug(slug);
	}

	@PostMapping(BASE)
	@PreAuthorize(Editors.ONLY)
	ResponseEntity<PageView> create(@Valid @RequestBody PageInput input) {
		PageView page = this.pages.create(actor(), input);
		return ResponseEntity.created(URI.create(BASE + "/" + page.slug())).body(page);
	}

	@PutMapping(BASE + "/{id}")
	@PreAuthorize(Editors.ONLY)
	PageView update(@PathVariable UUID id, @Valid @RequestBody PageInput input) {
		return this.pages.update(actor(), id, input);
	}

	@DeleteMapping(BASE + "/{id}")
	@PreAuthorize(Editors.ONLY)
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.pages.delete(actor(), id);
		return ResponseEntity.noContent().build();
	}

	private static Actor actor() {
		return Actor.current().orElseThrow();
	}

}
