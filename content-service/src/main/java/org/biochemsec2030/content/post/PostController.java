package org.biochemsec2030.content.post;

import java.net.URI;
import java.util.List;
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

/**
 * Blog posts over JSON: public reads by slug, editorial writes by id. Write methods name
 * their roles; the path rules of platform/security only require a token.
 */
@RestController
class PostController {

	private static final String BASE = "/api/content/v1/posts";

	private final PostService posts;

	PostController(PostService posts) {
		this.posts = posts;
	}

	@GetMapping(BASE)
	PublicList<PostSummary> published(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "10") int size, @RequestParam(required = false) String topic,
			@RequestParam(required = false) String regime, @RequestParam(required = false) String tag) {
		return this.posts.published(new Paging(page, size), topic, regime, tag);
	}

	@GetMapping(BASE + "/{slug}")
	PostView bySlug(@PathVariable String slug) {
		return this.posts.publishedBySlug(slug);
	}

	@PostMapping(BASE)
	@PreAuthorize(Editors.ONLY)
	ResponseEntity<PostCreated> create(@Valid @RequestBody PostInput input) {
		PostCreated created = this.posts.create(actor(), input);
		return ResponseEntity.created(URI.create("/api/content/v1/editorial/posts/" + created.id())).body(created);
	}

	@PutMapping(BASE + "/{id}")
	@PreAuthorize(Editors.ONLY)
	EditorialPost update(@PathVariable UUID id, @Valid @RequestBody PostInput input) {
		return this.posts.update(actor(), id, input);
	}

	@PostMapping(BASE + "/{id}/submit")
	@PreAuthorize(Editors.ONLY)
	EditorialPost submit(@PathVariable UUID id) {
		return this.posts.submit(actor(), id);
	}

	@PostMapping(BASE + "/{id}/publish")
	@PreAuthorize(Editors.ONLY)
	EditorialPost publish(@PathVariable UUID id, @RequestBody(required = false) PublishRequest request) {
		return this.posts.publish(actor(), id, (request != null) ? request.at() : null);
	}

	@PostMapping(BASE + "/{id}/schedule")
	@PreAuthorize(Editors.ONLY)
	EditorialPost schedule(@PathVariable UUID id, @RequestBody PublishRequest request) {
		return this.posts.schedule(actor(), id, request.at());
	}

	@PostMapping(BASE + "/{id}/unpublish")
	@PreAuthorize(Editors.ONLY)
	EditorialPost unpublish(@PathVariable UUID id) {
		return this.posts.unpublish(actor(), id);
	}

	@GetMapping(BASE + "/{id}/revisions")
	@PreAuthorize(Editors.ONLY)
	List<Revisions.Entry> revisions(@PathVariable UUID id) {
		return this.posts.revisions(id);
	}

	@GetMapping(BASE + "/{id}/revisions/{number}")
	@PreAuthorize(Editors.ONLY)
	Revisions.Revision revision(@PathVariable UUID id, @PathVariable int number) {
		return this.posts.revision(id, number);
	}

	@GetMapping(BASE + "/{id}/revisions/diff")
	@PreAuthorize(Editors.ONLY)
	Revisions.Diff diff(@PathVariable UUID id, @RequestParam int from, @RequestParam int to) {
		return this.posts.diff(id, from, to);
	}

	@PostMapping(BASE + "/{id}/revisions/{number}/restore")
	@PreAuthorize(Editors.ONLY)
	EditorialPost restore(@PathVariable UUID id, @PathVariable int number) {
		return this.posts.restore(actor(), id, number);
	}

	@GetMapping("/api/content/v1/editorial/posts")
	@PreAuthorize(Editors.ONLY)
	PublicList<EditorialPost> editorial(@RequestParam(required = false) String status,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return this.posts.editorial((status != null) ? Status.parse("status", status) : null, TextFilter.parse("q", q),
				new Paging(page, size));
	}

	@GetMapping("/api/content/v1/editorial/posts/{id}")
	@PreAuthorize(Editors.ONLY)
	EditorialPost editorial(@PathVariable UUID id) {
		return this.posts.editorial(id);
	}

	private static Actor actor() {
		return Actor.current().orElseThrow();
	}

}
