package org.biochemsec2030.content.micro;

import org.biochemsec2030.platform.taxonomy.Topic;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.contracts.content.MicroPostPublished;
import org.biochemsec2030.contracts.content.MicroPostUnpublished;
import org.biochemsec2030.contracts.content.MicroPostUpdated;
import org.biochemsec2030.content.render.MicroText;
import org.biochemsec2030.content.support.ContentTopics;
import org.biochemsec2030.content.support.InvalidInput;
import org.biochemsec2030.content.support.InvalidInput.FieldProblem;
import org.biochemsec2030.content.support.NotFound;
import org.biochemsec2030.content.support.Paging;
import org.biochemsec2030.content.support.PublicationTime;
import org.biochemsec2030.content.support.PublicList;
import org.biochemsec2030.content.support.Status;
import org.biochemsec2030.content.support.WorkflowConflict;
import org.biochemsec2030.content.taxonomy.Taxonomy;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mini-blog posts: the same workflow as posts without revisions (an edit of a published
 * mini-post shows at once and is announced as an update), threads by reply, and
 * announcements drafted from other services' events.
 */
@Service
public class MicroPostService {

	private final MicroPostRepository micros;

	private final MicroText microText;

	private final ContentTopics topics;

	private final AuditLog audit;

	private final Clock clock = Clock.systemUTC();

	MicroPostService(MicroPostRepository micros, MicroText microText, ContentTopics topics, AuditLog audit) {
		this.micros = micros;
		this.microText = microText;
		this.topics = topics;
		this.audit = audit;
	}

	@Transactional
	public MicroPostCreated create(Actor actor, MicroPostInput input) {
		MicroPost post = draft(actor, input, null);
		this.micros.insert(post);
		this.audit.record(actor, "micropost.created", target(post.id()), Map.of("text", post.text()));
		return new MicroPostCreated(post.id().toString(), post.url(), post.status());
	}

	/**
	 * Drafts a mini-post announcing an item published elsewhere ({@code announces} such
	 * as {@code paper:<id>}); never published without an editor. Empty if that item was
	 * announced before.
	 */
	@Transactional
	public Optional<UUID> draftAnnouncement(Actor actor, String announces, String text, List<String> topicSlugs) {
		String shortened = (text.length() > 500) ? text.substring(0, 499) + "…" : text;
		List<String> known = topicSlugs.stream().filter(t -> Topic.bySlug(t).isPresent()).toList();
		MicroPost post = draft(actor, new MicroPostInput(shortened, null, known), announces);
		if (!this.micros.insert(post)) {
			return Optional.empty();
		}
		this.audit.record(actor, "micropost.announcement-drafted", target(post.id()), Map.of("announces", announces));
		return Optional.of(post.id());
	}

	@Transactional
	public EditorialMicroPost update(Actor actor, UUID id, MicroPostInput input) {
		MicroPost post = lock(id);
		MicroPost draft = draft(actor, input, post.announces());
		MicroPost updated = new MicroPost(id, draft.text(), draft.html(), draft.topics(), draft.tags(),
				(input.replyTo() != null) ? input.replyTo() : post.replyTo(), post.status(), post.scheduledAt(),
				post.publishedAt(), post.announces(), this.clock.instant(), post.createdAt(), post.createdBy());
		this.micros.update(updated);
		if (updated.status() == Status.PUBLISHED) {
			this.topics.announce(new MicroPostUpdated(id.toString(), updated.text(), updated.url(), updated.topics(),
					updated.updatedAt()));
		}
		this.audit.record(actor, "micropost.edited", target(id), Map.of("text", updated.text()));
		return editorial(updated);
	}

	@Transactional
	public EditorialMicroPost submit(Actor actor, UUID id) {
		MicroPost post = lock(id);
		if (post.status() != Status.DRAFT) {
			throw new WorkflowConflict(
					"Only a draft can be submitted for review; this mini-post is " + name(post.status()) + ".");
		}
		MicroPost submitted = post.with(Status.IN_REVIEW, null, post.publishedAt(), this.clock.instant());
		this.micros.update(submitted);
		this.audit.record(actor, "micropost.submitted", target(id), Map.of());
		return editorial(submitted);
	}

	@Transactional
	public EditorialMicroPost publish(Actor actor, UUID id, OffsetDateTime at) {
		Instant now = this.clock.instant();
		Instant scheduledAt = PublicationTime.scheduled(at, now);
		MicroPost post = lock(id);
		if (post.status() == Status.PUBLISHED) {
			throw new WorkflowConflict("The mini-post is already published; edits to it show at once.");
		}
		if (scheduledAt != null) {
			if (post.status() == Status.ARCHIVED) {
				throw new WorkflowConflict("An archived mini-post cannot be scheduled: publish it again now instead.");
			}
			MicroPost scheduled = post.with(Status.SCHEDULED, scheduledAt, post.publishedAt(), now);
			this.micros.update(scheduled);
			this.audit.record(actor, "micropost.scheduled", target(id), Map.of("at", scheduledAt.toString()));
			return editorial(scheduled);
		}
		return goLive(actor, post, now);
	}

	private EditorialMicroPost goLive(Actor actor, MicroPost post, Instant now) {
		MicroPost live = post.with(Status.PUBLISHED, null, now, now);
		this.micros.update(live);
		this.topics.announce(new MicroPostPublished(post.id().toString(), live.text(), live.url(), live.topics(), now));
		this.audit.record(actor, "micropost.published", target(post.id()), Map.of());
		return editorial(live);
	}

	@Transactional
	public EditorialMicroPost unpublish(Actor actor, UUID id) {
		MicroPost post = lock(id);
		Instant now = this.clock.instant();
		MicroPost changed;
		if (post.status() == Status.PUBLISHED) {
			changed = post.with(Status.ARCHIVED, null, post.publishedAt(), now);
			this.topics.announce(new MicroPostUnpublished(id.toString(), now));
		}
		else if (post.status() == Status.SCHEDULED) {
			changed = post.with(Status.DRAFT, null, post.publishedAt(), now);
		}
		else {
			throw new WorkflowConflict("Only a published or scheduled mini-post can be unpublished; this one is "
					+ name(post.status()) + ".");
		}
		this.micros.update(changed);
		this.audit.record(actor, "micropost.unpublished", target(id), Map.of("from", post.status().name()));
		return editorial(changed);
	}

	/** Publishes due scheduled mini-posts; see {@code PostService.publishDue}. */
	@Transactional
	public int publishDue(int limit) {
		Instant now = this.clock.instant();
		List<UUID> due = this.micros.claimDue(now, limit);
		Actor scheduler = Actor.system("scheduler");
		for (UUID id : due) {
			goLive(scheduler, lock(id), now);
		}
		return due.size();
	}

	@Transactional(readOnly = true)
	public PublicList<MicroPostView> published(Paging paging, String tag) {
		String normalized = (tag != null && !tag.isBlank()) ? Taxonomy.tag(tag) : null;
		List<MicroPostView> items = this.micros.published(normalized, paging)
			.stream()
			.map(MicroPostService::view)
			.toList();
		return new PublicList<>(items, paging.page(), paging.size(), this.micros.countPublished(normalized));
	}

	@Transactional(readOnly = true)
	public MicroThread thread(UUID id) {
		MicroPost post = this.micros.find(id)
			.filter(p -> p.status() == Status.PUBLISHED)
			.orElseThrow(() -> new NotFound("No published mini-post has the id " + id + "."));
		return new MicroThread(view(post),
				this.micros.publishedReplies(id).stream().map(MicroPostService::view).toList());
	}

	/** The mini-post as readers see it, or empty when it is not public (no exception). */
	@Transactional(readOnly = true)
	public Optional<MicroPostView> findPublished(UUID id) {
		return this.micros.find(id).filter(p -> p.status() == Status.PUBLISHED).map(MicroPostService::view);
	}

	/** Every published mini-post (search index rebuilds). */
	@Transactional(readOnly = true)
	public List<MicroPostView> allPublished() {
		List<MicroPostView> all = new ArrayList<>();
		for (int page = 0;; page++) {
			List<MicroPost> batch = this.micros.published(null, new Paging(page, Paging.MAX_SIZE));
			batch.forEach(p -> all.add(view(p)));
			if (batch.size() < Paging.MAX_SIZE) {
				return all;
			}
		}
	}

	@Transactional(readOnly = true)
	public PublicList<EditorialMicroPost> editorial(Status status, Paging paging) {
		return editorial(status, null, paging);
	}

	/**
	 * Mini-posts in any state, newest change first; {@code text} (when not null) must
	 * occur in the text, in any case.
	 */
	@Transactional(readOnly = true)
	public PublicList<EditorialMicroPost> editorial(Status status, String text, Paging paging) {
		List<EditorialMicroPost> items = this.micros.byStatus(status, text, paging)
			.stream()
			.map(MicroPostService::editorial)
			.toList();
		return new PublicList<>(items, paging.page(), paging.size(), this.micros.countByStatus(status, text));
	}

	/** Mini-posts waiting for review, longest waiting first. */
	@Transactional(readOnly = true)
	public List<EditorialMicroPost> inReview(int limit) {
		return this.micros.inReview(limit).stream().map(MicroPostService::editorial).toList();
	}

	@Transactional(readOnly = true)
	public EditorialMicroPost editorial(UUID id) {
		return editorial(this.micros.find(id).orElseThrow(() -> new NotFound("No mini-post has the id " + id + ".")));
	}

	/** The mini-post drafted for an upstream item, if any ({@code paper:<id>}...). */
	@Transactional(readOnly = true)
	public Optional<EditorialMicroPost> announcing(String announces) {
		return this.micros.findByAnnounces(announces).map(MicroPostService::editorial);
	}

	private MicroPost draft(Actor actor, MicroPostInput input, String announces) {
		List<FieldProblem> problems = new ArrayList<>();
		List<String> topicSlugs = Taxonomy.topics("topics", input.topics(), problems);
		if (input.replyTo() != null && this.micros.find(input.replyTo()).isEmpty()) {
			problems.add(new FieldProblem("replyTo", "no mini-post has this id; leave replyTo out to start a thread"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		String text = input.text().strip();
		MicroText.Rendered rendered = this.microText.render(text);
		Instant now = this.clock.instant();
		return new MicroPost(UUID.randomUUID(), text, rendered.html(), topicSlugs, rendered.hashtags(), input.replyTo(),
				Status.DRAFT, null, null, announces, now, now, actor.id());
	}

	private MicroPost lock(UUID id) {
		return this.micros.lock(id).orElseThrow(() -> new NotFound("No mini-post has the id " + id + "."));
	}

	private static MicroPostView view(MicroPost post) {
		return new MicroPostView(post.id().toString(), post.text(), post.html(), post.url(), post.publishedAt(),
				(post.replyTo() != null) ? post.replyTo().toString() : null, post.topics(), post.tags());
	}

	private static EditorialMicroPost editorial(MicroPost post) {
		return new EditorialMicroPost(post.id().toString(), post.url(), post.status(), post.text(), post.html(),
				(post.replyTo() != null) ? post.replyTo().toString() : null, post.topics(), post.tags(),
				post.scheduledAt(), post.publishedAt(), post.updatedAt(), post.announces());
	}

	private static String target(UUID id) {
		return "micropost:" + id;
	}

	private static String name(Status status) {
		return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}

}
