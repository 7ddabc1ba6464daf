package org.biochemsec2030.tracker.source;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.tracker.support.Analysts;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Sources and their health, for analysts. */
@RestController
@PreAuthorize(Analysts.ONLY)
class SourceController {

	private static final String BASE = "/api/tracker/v1/sources";

	private final SourceService sources;

	SourceController(SourceService sources) {
		this.sources = sources;
	}

	@GetMapping(BASE)
	List<SourceHealth> all() {
		return this.sources.health();
	}

	@GetMapping(BASE + "/{id}")
	SourceHealth one(@PathVariable UUID id) {
		return this.sources.health(id);
	}

	@PostMapping(BASE)
	ResponseEntity<SourceHealth> add(@RequestBody SourceInput input) {
		SourceHealth added = this.sources.add(input, Actor.current().orElseThrow());
		return ResponseEntity.created(URI.create(BASE + "/" + added.id())).body(added);
	}

	@PutMapping(BASE + "/{id}")
	SourceHealth update(@PathVariable UUID id, @RequestBody SourceInput input) {
		return this.sources.update(id, input);
	}

	@PostMapping(BASE + "/{id}/enable")
	SourceHealth enable(@PathVariable UUID id) {
		return this.sources.enable(id, true);
	}

	@PostMapping(BASE + "/{id}/disable")
	SourceHealth disable(@PathVariable UUID id) {
		return this.sources.enable(id, false);
	}

	/** Polls now, whenever the source is due; the answer says what the poll did. */
	@PostMapping(BASE + "/{id}/poll")
	PollOutcome poll(@PathVariable UUID id) {
		return this.sources.pollNow(id);
	}

	@DeleteMapping(BASE + "/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.sources.delete(id);
		return ResponseEntity.noContent().build();
	}

}
