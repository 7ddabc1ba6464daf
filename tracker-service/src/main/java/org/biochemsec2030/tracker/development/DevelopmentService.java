package org.biochemsec2030.tracker.development;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.tracker.item.ItemService;
import org.biochemsec2030.tracker.item.ItemView;
import org.biochemsec2030.tracker.support.InvalidInput;
import org.biochemsec2030.tracker.support.NotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Developments: what analysts assess and publish, each gathering the items that report
 * it. Items come in by promotion from the triage queue.
 */
@Service
public class DevelopmentService {

	private final DevelopmentRepository developments;

	private final ItemService items;

	private final Clock clock;

	DevelopmentService(DevelopmentRepository developments, ItemService items, Clock clock) {
		this.developments = developments;
		this.items = items;
		this.clock = clock;
	}

	/**
	 * Gathers items into a development, a new one unless one is named. An item belongs to
	 * one development: promoting it again is refused with the reason.
	 */
	@Transactional
	public DevelopmentView promote(PromoteRequest request, Actor actor) {
		List<UUID> ids = (request.itemIds() != null) ? request.itemIds().stream().distinct().toList() : List.of();
		if (ids.isEmpty()) {
			throw InvalidInput.of("itemIds", "choose at least one item");
		}
		for (UUID id : ids) {
			if (this.developments.developmentOf(id).isPresent()) {
				throw InvalidInput.of("itemIds", "item " + id + " is part of a development already");
			}
		}
		Instant now = this.clock.instant();
		UUID developmentId = request.developmentId();
		if (developmentId != null) {
			if (!this.developments.lock(developmentId)) {
				throw new NotFound("No development " + developmentId);
			}
		}
		else {
			ItemView first = this.items.find(ids.get(0)).orElseThrow(() -> new NotFound("No item " + ids.get(0)));
			String title = (request.title() != null && !request.title().isBlank()) ? request.title().strip()
					: first.title();
			if (title.length() > 300) {
				throw InvalidInput.of("title", "at most 300 characters");
			}
			developmentId = UUID.randomUUID();
			this.developments.insert(developmentId, uniqueSlug(title), title, now, actor.id());
		}
		this.items.markPromoted(ids, actor.id(), now);
		for (UUID id : ids) {
			this.developments.addItem(developmentId, id, now, actor.id());
		}
		UUID created = developmentId;
		return this.developments.find(created).orElseThrow();
	}

	@Transactional(readOnly = true)
	public DevelopmentView find(UUID id) {
		return this.developments.find(id).orElseThrow(() -> new NotFound("No development " + id));
	}

	private String uniqueSlug(String title) {
		String base = Slugs.of(title);
		String slug = base;
		for (int n = 2; this.developments.slugTaken(slug); n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

}
