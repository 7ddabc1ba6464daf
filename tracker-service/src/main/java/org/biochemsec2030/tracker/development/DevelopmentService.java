package org.biochemsec2030.tracker.development;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.Problems;
import org.biochemsec2030.tracker.item.ItemService;
import org.biochemsec2030.tracker.item.ItemView;
import org.biochemsec2030.tracker.support.InvalidInput;
import org.biochemsec2030.tracker.support.NotFound;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Developments: what analysts assess and publish, each gathering the items that report
 * it. Items come in by promotion from the triage queue.
 */
@Service
public class DevelopmentService {

	static final int MAX_TITLE = 300;

	static final int MAX_SUMMARY = 4000;

	private final DevelopmentRepository developments;

	private final ItemService items;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	DevelopmentService(DevelopmentRepository developments, ItemService items, ApplicationEventPublisher events,
			Clock clock) {
		this.developments = developments;
		this.items = items;
		this.events = events;
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
			if (title.length() > MAX_TITLE) {
				throw InvalidInput.of("title", "at most " + MAX_TITLE + " characters");
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

	/** A development's title and summary, checked. */
	@Transactional
	public DevelopmentView update(UUID id, DevelopmentInput input) {
		List<InvalidInput.FieldProblem> problems = new ArrayList<>();
		String title = (input.title() != null) ? input.title().strip() : "";
		if (title.isEmpty() || title.length() > MAX_TITLE) {
			problems.add(new InvalidInput.FieldProblem("title", "give a title of 1 to " + MAX_TITLE + " characters"));
		}
		String summary = (input.summary() != null) ? input.summary().strip() : "";
		if (summary.length() > MAX_SUMMARY) {
			problems.add(new InvalidInput.FieldProblem("summary", "use at most " + MAX_SUMMARY + " characters"));
		}
		if (Problems.hasNul(title) || Problems.hasNul(summary)) {
			problems
				.add(new InvalidInput.FieldProblem(Problems.hasNul(title) ? "title" : "summary", Problems.NUL_MESSAGE));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		if (!this.developments.lock(id)) {
			throw new NotFound("No development " + id);
		}
		Instant now = this.clock.instant();
		this.developments.update(id, title, summary, now);
		// Publication listens in this transaction: a published development's public state
		// changes with it.
		this.events.publishEvent(new Changed(id, now));
		return find(id);
	}

	/** Developments of one status (null: any), the latest changed first. */
	@Transactional(readOnly = true)
	public List<DevelopmentView> list(String status, int page, int size) {
		return this.developments.ids(status, size, (long) page * size)
			.stream()
			.map(id -> this.developments.find(id).orElseThrow())
			.toList();
	}

	/**
	 * Locks the development for the caller's transaction (changes to it and to what rests
	 * on it are made one at a time) and answers it as it is then.
	 */
	@Transactional
	public DevelopmentView lock(UUID id) {
		if (!this.developments.lock(id)) {
			throw new NotFound("No development " + id);
		}
		return find(id);
	}

	/** Published or back to a draft: publication's decision, in its transaction. */
	@Transactional
	public void setStatus(UUID id, String status, Instant now) {
		this.developments.setStatus(id, status, now);
	}

	/** Something resting on the development changed (an assessment, its publication). */
	@Transactional
	public void touch(UUID id, Instant now) {
		this.developments.touch(id, now);
	}

	@Transactional(readOnly = true)
	public Optional<DevelopmentView> bySlug(String slug) {
		return this.developments.bySlug(slug).flatMap(this.developments::find);
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

	/**
	 * A development's title or summary changed; published within the change's
	 * transaction.
	 */
	public record Changed(UUID developmentId, Instant at) {
	}

}
