package org.biochemsec2030.tracker.item;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.tracker.support.Analysts;
import org.biochemsec2030.tracker.support.NotFound;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The triage queue for analysts: items with their reports, filtered, and decisions. */
@RestController
@PreAuthorize(Analysts.ONLY)
class ItemController {

	private static final String BASE = "/api/tracker/v1/items";

	private final ItemService items;

	private final Clock clock;

	ItemController(ItemService items, Clock clock) {
		this.items = items;
		this.clock = clock;
	}

	@GetMapping(BASE)
	Queue queue(@RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean flagged,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String topic,
			@RequestParam(required = false) UUID source, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		QueueFilter filter = QueueFilter.of(status, flagged, tag, topic, source, q, page, size);
		return new Queue(this.items.queue(filter), filter.page(), filter.size());
	}

	@GetMapping(BASE + "/{id}")
	ItemView one(@PathVariable UUID id) {
		return this.items.find(id).orElseThrow(() -> new NotFound("No item " + id));
	}

	/** Out of the queue, by an analyst's decision the rules never undo. */
	@PostMapping(BASE + "/{id}/dismiss")
	ItemView dismiss(@PathVariable UUID id) {
		return decide(id, true);
	}

	/** Back into the queue. */
	@PostMapping(BASE + "/{id}/restore")
	ItemView restore(@PathVariable UUID id) {
		return decide(id, false);
	}

	private ItemView decide(UUID id, boolean dismiss) {
		this.items.decide(id, dismiss, Actor.current().orElseThrow().id(), this.clock.instant());
		return one(id);
	}

	/** One page of the queue, flagged items first. */
	record Queue(List<ItemView> items, int page, int size) {
	}

}
