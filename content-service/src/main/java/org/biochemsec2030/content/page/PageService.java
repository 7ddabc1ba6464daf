package org.biochemsec2030.content.page;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.content.page.PageRepository.Page;
import org.biochemsec2030.content.render.SafeHtml;
import org.biochemsec2030.content.render.Slugs;
import org.biochemsec2030.content.support.InvalidInput;
import org.biochemsec2030.content.support.NotFound;
import org.biochemsec2030.content.support.Paging;
import org.biochemsec2030.content.support.PublicList;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.AuditLog;
import org.biochemsec2030.platform.security.Problems;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standing pages. They are public as soon as they are saved: they change rarely, by
 * staff, and carry no workflow (every change is in the audit log).
 */
@Service
public class PageService {

	private final PageRepository pages;

	private final SafeHtml safeHtml;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	PageService(PageRepository pages, SafeHtml safeHtml, AuditLog audit, ApplicationEventPublisher events) {
		this.pages = pages;
		this.safeHtml = safeHtml;
		this.audit = audit;
		this.events = events;
	}

	@Transactional
	public PageView create(Actor actor, PageInput input) {
		return save(actor, UUID.randomUUID(), input, "page.created");
	}

	@Transactional
	public PageView update(Actor actor, UUID id, PageInput input) {
		Page before = this.pages.byId(id).orElseThrow(() -> new NotFound("No page has the id " + id + "."));
		PageView saved = save(actor, id, input, "page.updated");
		if (!before.slug().equals(saved.slug())) {
			this.events.publishEvent(new PageChanged(before.slug()));
		}
		return saved;
	}

	@Transactional
	public void delete(Actor actor, UUID id) {
		Page page = this.pages.byId(id).orElseThrow(() -> new NotFound("No page has the id " + id + "."));
		this.pages.delete(id);
		this.audit.record(actor, "page.deleted", "page:" + id, Map.of("slug", page.slug()));
		this.events.publishEvent(new PageChanged(page.slug()));
	}

	@Transactional(readOnly = true)
	public PageView bySlug(String slug) {
		return view(this.pages.bySlug(slug)
			.orElseThrow(() -> new NotFound("No page has the slug '" + Problems.echo(slug) + "'.")));
	}

	/** The page, or empty (no exception). */
	@Transactional(readOnly = true)
	public java.util.Optional<PageView> find(String slug) {
		return this.pages.bySlug(slug).map(PageService::view);
	}

	/** A page by its id, for editing. */
	@Transactional(readOnly = true)
	public PageView byId(UUID id) {
		return view(this.pages.find(id).orElseThrow(() -> new NotFound("No page has the id " + id + ".")));
	}

	/**
	 * Every page, in navigation order then by title; {@code text} (when not null) must
	 * occur in the title or the body, in any case.
	 */
	@Transactional(readOnly = true)
	public PublicList<PageView> editorial(String text, Paging paging) {
		List<PageView> items = this.pages.search(text, paging.size(), paging.offset())
			.stream()
			.map(PageService::view)
			.toList();
		return new PublicList<>(items, paging.page(), paging.size(), this.pages.count(text));
	}

	@Transactional(readOnly = true)
	public boolean exists(String slug) {
		return this.pages.bySlug(slug).isPresent();
	}

	@Transactional(readOnly = true)
	public List<PageLink> all() {
		return this.pages.all()
			.stream()
			.map(p -> new PageLink(p.slug(), p.title(), "/pages/" + p.slug(), p.navOrder()))
			.toList();
	}

	private PageView save(Actor actor, UUID id, PageInput input, String action) {
		String slug = (input.slug() != null && !input.slug().isBlank()) ? input.slug()
				: Slugs.slugify(input.title(), 80);
		if (slug.isEmpty()) {
			throw InvalidInput.of("title", "use at least one letter or digit in the title");
		}
		if (this.pages.slugTaken(slug, id)) {
			throw InvalidInput.of("slug", "another page already uses '" + slug + "': choose another slug");
		}
		Page page = new Page(id, slug, input.title().trim(), input.body(), this.safeHtml.markdown(input.body()),
				input.navOrder(), Instant.now());
		this.pages.upsert(page, actor.id());
		this.audit.record(actor, action, "page:" + id, Map.of("slug", slug));
		this.events.publishEvent(new PageChanged(slug));
		return view(page);
	}

	private static PageView view(Page page) {
		return new PageView(page.id().toString(), page.slug(), page.title(), "/pages/" + page.slug(), page.html(),
				page.body(), page.navOrder(), page.updatedAt());
	}

}
