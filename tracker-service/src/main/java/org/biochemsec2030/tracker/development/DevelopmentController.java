package org.biochemsec2030.tracker.development;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.Problems;
import org.biochemsec2030.tracker.support.Analysts;
import org.biochemsec2030.tracker.support.InvalidInput;

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
 * Developments as analysts work on them, whatever their status, under {@code /analysis/}:
 * the public list and pages show published ones only.
 */
@RestController
@PreAuthorize(Analysts.ONLY)
class DevelopmentController {

	static final String BASE = "/api/tracker/v1/analysis/developments";

	private static final Set<String> STATUSES = Set.of("draft", "published");

	private final DevelopmentService developments;

	DevelopmentController(DevelopmentService developments) {
		this.developments = developments;
	}

	@GetMapping(BASE)
	List<DevelopmentView> list(@RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		String wanted = (status != null) ? status.strip().toLowerCase(Locale.ROOT) : null;
		if (wanted != null && !STATUSES.contains(wanted)) {
			throw InvalidInput.of("status", "'" + Problems.echo(status) + "' is not one of draft, published");
		}
		if (size < 1 || size > 100) {
			throw InvalidInput.of("size", "use a page size from 1 to 100");
		}
		if (page < 0 || page > 10_000) {
			throw InvalidInput.of("page", "use a page number from 0 to 10000 (0 is the first page)");
		}
		return this.developments.list(wanted, page, size);
	}

	@GetMapping(BASE + "/{id}")
	DevelopmentView one(@PathVariable UUID id) {
		return this.developments.find(id);
	}

	/** Items from the queue gathered into a new development. */
	@PostMapping(BASE)
	ResponseEntity<DevelopmentView> promote(@RequestBody Promotion promotion) {
		DevelopmentView created = this.developments
			.promote(new PromoteRequest(promotion.itemIds(), null, promotion.title()), Actor.current().orElseThrow());
		return ResponseEntity.created(URI.create(BASE + "/" + created.id())).body(created);
	}

	/** More items into an existing development. */
	@PostMapping(BASE + "/{id}/items")
	DevelopmentView addItems(@PathVariable UUID id, @RequestBody Promotion promotion) {
		return this.developments.promote(new PromoteRequest(promotion.itemIds(), id, null),
				Actor.current().orElseThrow());
	}

	@PutMapping(BASE + "/{id}")
	DevelopmentView update(@PathVariable UUID id, @RequestBody DevelopmentInput input) {
		return this.developments.update(id, input);
	}

	/**
	 * Items to promote, and for a new development its title (by default the first
	 * item's).
	 */
	record Promotion(List<UUID> itemIds, String title) {
	}

}
