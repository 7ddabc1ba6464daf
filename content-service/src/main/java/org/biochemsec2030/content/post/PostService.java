package org.biochemsec2030.content.post;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import org.biochemsec2030.contracts.content.PostPublished;
import org.biochemsec2030.contracts.content.PostUnpublished;
import org.biochemsec2030.contracts.content.PostUpdated;
import org.biochemsec2030.content.media.MediaService;
import org.biochemsec2030.content.render.SafeHtml;
import org.biochemsec2030.content.render.Slugs;
import org.biochemsec2030.content.support.ContentProperties;
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
import org.biochemsec2030.platform.security.Problems;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blog posts: writing, the editorial workflow, revisions and what readers see. Every
 * change is audited, and every change readers can see is announced through the outbox, in
 * the change's transaction.
 */
@Service
public class PostService {

	private final PostRepository posts;

	private final SafeHtml safeHtml;

	private final ContentTopics topics;

	private final AuditLog audit;

	private final ContentProperties properties;

	private final MediaService media;

	private final Clock clock;

	PostService(PostRepository posts, SafeHtml safeHtml, ContentTopics topics, AuditLog audit,
			ContentProperties properties, MediaService media) {
		this.posts = posts;
		this.media = media;
		this.safeHtml = safeHtml;
		this.topics = topics;
		this.audit = audit;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	// --- writing ---

	@Transactional
	public PostCreated create(Actor actor, PostInput input) {
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		PostRevision revision = revision(id, 1, actor, input, List.of(actor.name()));
		String slug = uniqueSlug(input.title(), id);
		Post post = new Post(id, slug, Status.DRAFT, 1, null, false, null, null, null, now, now, actor.id());
		this.posts.insert(post);
		this.posts.insertRevision(revision);
		this.audit.record(actor, "post.created", target(id), Map.of("slug", slug, "title", input.title()));
		return new PostCreated(id.toString(), slug, post.url(), post.status());
	}

	/**
	 * A new revision. Before the first publication it simply becomes the text (and the
	 * slug follows the title); on a published post it is staged: readers keep the live
	 * revision until the staged one is published.
	 */
	@Transactional
	public EditorialPost update(Actor actor, UUID id, PostInput input) {
		Post post = lock(id);
		int number = post.headRevision() + 1;
		// Without authors in the request, the post keeps its authors (a copy-edit does
		// not make the editor an author).
		PostRevision revision = revision(id, number, actor, input, headRevision(post).authors());
		this.posts.insertRevision(revision);
		String slug = post.everPublished() ? post.slug() : uniqueSlug(input.title(), id);
		Post updated = new Post(id, slug, post.status(), number, post.liveRevision(), false, post.scheduledAt(),
				post.publishedAt(), post.firstPublishedAt(), this.clock.instant(), post.createdAt(), post.createdBy());
		this.posts.update(updated);
		this.audit.record(actor, "post.revised", target(id),
				Map.of("revision", number, "staged", updated.hasStagedRevision(), "materialChange", input.material()));
		return editorial(updated, revision);
	}

	/** Restoring an old revision makes a new one with its text: history only grows. */
	@Transactional
	public EditorialPost restore(Actor actor, UUID id, int number) {
		Post post = lock(id);
		PostRevision old = this.posts.revision(id, number)
			.orElseThrow(() -> new NotFound("Post " + id + " has no revision " + number));
		int next = post.headRevision() + 1;
		PostRevision restored = new PostRevision(id, next, old.title(), old.summary(), old.body(),
				this.safeHtml.markdown(old.body()), old.authors(), old.topics(), old.regimes(), old.tags(),
				old.coverImage(), old.coverAlt(), false, null, number, this.clock.instant(), actor.id(), actor.name());
		this.posts.insertRevision(restored);
		String slug = post.everPublished() ? post.slug() : uniqueSlug(old.title(), id);
		Post updated = new Post(id, slug, post.status(), next, post.liveRevision(), false, post.scheduledAt(),
				post.publishedAt(), post.firstPublishedAt(), this.clock.instant(), post.createdAt(), post.createdBy());
		this.posts.update(updated);
		this.audit.record(actor, "post.restored", target(id), Map.of("from", number, "revision", next));
		return editorial(updated, restored);
	}

	// --- workflow ---

	/**
	 * Asks for review: a draft goes to review; a published post's staged revision is
	 * marked as in review.
	 */
	@Transactional
	public EditorialPost submit(Actor actor, UUID id) {
		Post post = lock(id);
		Post submitted;
		if (post.status() == Status.DRAFT) {
			submitted = with(post, Status.IN_REVIEW, post.liveRevision(), false, null, post.publishedAt(),
					post.firstPublishedAt());
		}
		else if (post.hasStagedRevision() && !post.stagedInReview()) {
			submitted = with(post, Status.PUBLISHED, post.liveRevision(), true, null, post.publishedAt(),
					post.firstPublishedAt());
		}
		else {
			throw new WorkflowConflict(switch (post.status()) {
				case IN_REVIEW -> "The post is already in review.";
				case PUBLISHED -> post.stagedInReview() ? "The staged revision is already in review."
						: "The post is published and has no staged changes to review: edit it first.";
				default -> "A " + name(post.status()) + " post cannot be submitted for review.";
			});
		}
		this.posts.update(submitted);
		this.audit.record(actor, "post.submitted", target(id), Map.of("revision", post.headRevision()));
		return editorial(submitted);
	}

	/** Publishes now, or schedules for a future {@code at}. */
	@Transactional
	public EditorialPost publish(Actor actor, UUID id, OffsetDateTime at) {
		Instant now = this.clock.instant();
		Instant scheduledAt = PublicationTime.scheduled(at, now);
		Post post = lock(id);
		if (scheduledAt != null) {
			return schedule(actor, post, scheduledAt);
		}
		return goLive(actor, post, now);
	}

	@Transactional
	public EditorialPost schedule(Actor actor, UUID id, OffsetDateTime at) {
		if (at == null) {
			throw InvalidInput.of("at", "give the date and time to publish at, e.g. 2030-05-04T09:00:00+01:00");
		}
		return publish(actor, id, at);
	}

	private EditorialPost schedule(Actor actor, Post post, Instant at) {
		if (post.status() == Status.PUBLISHED || post.status() == Status.ARCHIVED) {
			throw new WorkflowConflict("Only a post that is not public yet can be scheduled; this one is "
					+ name(post.status()) + (post.status() == Status.PUBLISHED
							? ": publish its staged revision now instead." : ": publish it again now instead."));
		}
		Post scheduled = with(post, Status.SCHEDULED, post.liveRevision(), false, at, post.publishedAt(),
				post.firstPublishedAt());
		this.posts.update(scheduled);
		this.audit.record(actor, "post.scheduled", target(post.id()), Map.of("at", at.toString()));
		return editorial(scheduled);
	}

	private EditorialPost goLive(Actor actor, Post post, Instant now) {
		if (post.status() == Status.PUBLISHED && !post.hasStagedRevision()) {
			throw new WorkflowConflict("The post is already published and has no staged changes to publish.");
		}
		PostRevision revision = headRevision(post);
		boolean update = post.status() == Status.PUBLISHED;
		Post live = with(post, Status.PUBLISHED, post.headRevision(), false, null, update ? post.publishedAt() : now,
				post.everPublished() ? post.firstPublishedAt() : now);
		this.posts.update(live);
		if (revision.materialChange() && post.everPublished() && revision.correctionNote() != null) {
			this.posts.insertCorrection(post.id(), revision.number(), revision.correctionNote(), now);
		}
		if (update) {
			this.topics.announce(new PostUpdated(post.id().toString(), live.slug(), revision.title(),
					revision.summary(), live.url(), revision.topics(), now));
		}
		else {
			this.topics.announce(new PostPublished(post.id().toString(), live.slug(), revision.title(),
					revision.summary(), live.url(), revision.topics(), now));
		}
		this.audit.record(actor, update ? "post.update-published" : "post.published", target(post.id()),
				Map.of("revision", revision.number(), "slug", live.slug()));
		return editorial(live, revision);
	}

	/**
	 * Takes a published post off the site (archived), or calls off a scheduled
	 * publication (back to draft).
	 */
	@Transactional
	public EditorialPost unpublish(Actor actor, UUID id) {
		Post post = lock(id);
		Instant now = this.clock.instant();
		Post changed;
		if (post.status() == Status.PUBLISHED) {
			changed = with(post, Status.ARCHIVED, post.liveRevision(), false, null, post.publishedAt(),
					post.firstPublishedAt());
			this.topics.announce(new PostUnpublished(id.toString(), post.slug(), now));
		}
		else if (post.status() == Status.SCHEDULED) {
			changed = with(post, Status.DRAFT, post.liveRevision(), false, null, post.publishedAt(),
					post.firstPublishedAt());
		}
		else {
			throw new WorkflowConflict(
					"Only a published or scheduled post can be unpublished; this one is " + name(post.status()) + ".");
		}
		this.posts.update(changed);
		this.audit.record(actor, "post.unpublished", target(id), Map.of("from", post.status().name()));
		return editorial(changed);
	}

	/**
	 * Publishes the scheduled posts that are due. Rows are claimed with
	 * {@code FOR UPDATE SKIP LOCKED}: several replicas can run this at once and each post
	 * is published once; a post whose time passed while no replica ran is published on
	 * the next round.
	 */
	@Transactional
	public int publishDue(int limit) {
		Instant now = this.clock.instant();
		List<UUID> due = this.posts.claimDue(now, limit);
		Actor scheduler = Actor.system("scheduler");
		for (UUID id : due) {
			goLive(scheduler, lock(id), now);
		}
		return due.size();
	}

	// --- reading ---

	@Transactional(readOnly = true)
	public PublicList<PostSummary> published(Paging paging, String topic, String regime, String tag) {
		PostRepository.Filter filter = new PostRepository.Filter(Taxonomy.topicFilter(topic),
				Taxonomy.regimeFilter(regime), (tag != null && !tag.isBlank()) ? Taxonomy.tag(tag) : null);
		List<PostSummary> items = this.posts.published(filter, paging).stream().map(PostService::summary).toList();
		return new PublicList<>(items, paging.page(), paging.size(), this.posts.countPublished(filter));
	}

	/** The newest published posts with their full text (feeds, search). */
	@Transactional(readOnly = true)
	public List<PostView> latest(int limit, String topic, String regime) {
		PostRepository.Filter filter = new PostRepository.Filter(Taxonomy.topicFilter(topic),
				Taxonomy.regimeFilter(regime), null);
		return this.posts.published(filter, new Paging(0, Math.min(limit, Paging.MAX_SIZE)))
			.stream()
			.map(live -> view(live.post(), live.revision()))
			.toList();
	}

	/** Every published post, page by page (search index rebuilds). */
	@Transactional(readOnly = true)
	public List<PostView> allPublished() {
		List<PostView> all = new ArrayList<>();
		PostRepository.Filter none = new PostRepository.Filter(null, null, null);
		for (int page = 0;; page++) {
			List<PostRepository.Live> batch = this.posts.published(none, new Paging(page, Paging.MAX_SIZE));
			batch.forEach(live -> all.add(view(live.post(), live.revision())));
			if (batch.size() < Paging.MAX_SIZE) {
				return all;
			}
		}
	}

	@Transactional(readOnly = true)
	public PostView publishedBySlug(String slug) {
		Post post = this.posts.findPublishedBySlug(slug)
			.orElseThrow(() -> new NotFound("No published post has the slug '" + Problems.echo(slug) + "'."));
		return view(post, this.posts.revision(post.id(), post.liveRevision()).orElseThrow());
	}

	/** The post as readers see it, or empty when it is not public (no exception). */
	@Transactional(readOnly = true)
	public java.util.Optional<PostView> findPublished(UUID id) {
		return this.posts.find(id)
			.filter(p -> p.status() == Status.PUBLISHED)
			.map(post -> view(post, this.posts.revision(post.id(), post.liveRevision()).orElseThrow()));
	}

	@Transactional(readOnly = true)
	public PublicList<EditorialPost> editorial(Status status, Paging paging) {
		return editorial(status, null, paging);
	}

	/**
	 * Posts in any state, newest change first; {@code text} (when not null) must occur in
	 * the newest revision's title, summary or body, in any case.
	 */
	@Transactional(readOnly = true)
	public PublicList<EditorialPost> editorial(Status status, String text, Paging paging) {
		List<EditorialPost> items = this.posts.byStatus(status, text, paging).stream().map(this::editorial).toList();
		return new PublicList<>(items, paging.page(), paging.size(), this.posts.countByStatus(status, text));
	}

	/**
	 * What waits for review, longest waiting first: posts in review and published posts
	 * whose staged revision was submitted ({@code stagedInReview}).
	 */
	@Transactional(readOnly = true)
	public List<EditorialPost> inReview(int limit) {
		return this.posts.inReview(limit).stream().map(this::editorial).toList();
	}

	@Transactional(readOnly = true)
	public EditorialPost editorial(UUID id) {
		return editorial(find(id));
	}

	@Transactional(readOnly = true)
	public List<Revisions.Entry> revisions(UUID id) {
		Post post = find(id);
		return this.posts.revisions(id)
			.stream()
			.map(r -> new Revisions.Entry(r.number(), r.title(), r.createdAt(), r.createdByName(),
					post.status() == Status.PUBLISHED && post.liveRevision() != null
							&& r.number() == post.liveRevision(),
					r.materialChange(), r.correctionNote(), r.restoredFrom()))
			.toList();
	}

	@Transactional(readOnly = true)
	public Revisions.Revision revision(UUID id, int number) {
		PostRevision r = revisionOf(id, number);
		return new Revisions.Revision(r.number(), r.title(), r.summary(), r.body(), r.html(), r.authors(), r.topics(),
				r.regimes(), r.tags(), r.cover(), r.createdAt(), r.createdByName(), r.materialChange(),
				r.correctionNote());
	}

	/** Two revisions compared line by line (title, metadata, then the Markdown body). */
	@Transactional(readOnly = true)
	public Revisions.Diff diff(UUID id, int from, int to) {
		List<String> original = revisionOf(id, from).asLines();
		List<String> revised = revisionOf(id, to).asLines();
		Patch<String> patch = DiffUtils.diff(original, revised);
		String unified = String.join("\n",
				UnifiedDiffUtils.generateUnifiedDiff("revision " + from, "revision " + to, original, patch, 3));
		List<Revisions.Change> changes = new ArrayList<>();
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			changes.add(new Revisions.Change(delta.getType().name(), delta.getSource().getPosition() + 1,
					delta.getSource().getLines(), delta.getTarget().getPosition() + 1, delta.getTarget().getLines()));
		}
		return new Revisions.Diff(from, to, unified, changes);
	}

	// --- helpers ---

	private PostRevision revision(UUID id, int number, Actor actor, PostInput input, List<String> defaultAuthors) {
		List<FieldProblem> problems = new ArrayList<>();
		List<String> topicSlugs = Taxonomy.topics("topics", input.topics(), problems);
		List<String> regimeCodes = Taxonomy.regimes("regimes", input.regimes(), problems);
		List<String> tagNames = Taxonomy.tags("tags", input.tags(), problems);
		if (input.material() && (input.correctionNote() == null || input.correctionNote().isBlank())) {
			problems.add(new FieldProblem("correctionNote",
					"write the public correction note readers will see, or untick materialChange"));
		}
		PostInput.CoverImage cover = input.coverImage();
		if (cover != null && (cover.url() == null || !this.media.isUploaded(cover.url().trim()))) {
			problems.add(new FieldProblem("coverImage.url",
					"choose an uploaded image: its address is /blog/media/<id> (upload it in the admin tool first)"));
		}
		if (cover != null && (cover.alt() == null || cover.alt().isBlank())) {
			problems.add(new FieldProblem("coverImage.alt", "describe the image for readers who cannot see it"));
		}
		if (Slugs.slugify(input.title(), 80).isEmpty()) {
			problems.add(new FieldProblem("title", "use at least one letter or digit in the title"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		List<String> authors = (input.authors() != null)
				? input.authors().stream().filter(a -> a != null && !a.isBlank()).map(String::trim).toList()
				: List.of();
		if (authors.isEmpty()) {
			authors = defaultAuthors;
		}
		return new PostRevision(id, number, input.title().trim(),
				(input.summary() != null) ? input.summary().trim() : "", input.body(),
				this.safeHtml.markdown(input.body()), authors, topicSlugs, regimeCodes, tagNames,
				(cover != null) ? cover.url().trim() : null, (cover != null) ? cover.alt().trim() : null,
				input.material(), input.material() ? input.correctionNote().trim() : null, null, this.clock.instant(),
				actor.id(), actor.name());
	}

	private String uniqueSlug(String title, UUID id) {
		String base = Slugs.slugify(title, 80);
		String slug = base;
		for (int i = 2; this.posts.slugTaken(slug, id); i++) {
			slug = base + "-" + i;
		}
		return slug;
	}

	private Post lock(UUID id) {
		return this.posts.lock(id).orElseThrow(() -> new NotFound("No post has the id " + id + "."));
	}

	private Post find(UUID id) {
		return this.posts.find(id).orElseThrow(() -> new NotFound("No post has the id " + id + "."));
	}

	private PostRevision revisionOf(UUID id, int number) {
		find(id);
		return this.posts.revision(id, number)
			.orElseThrow(() -> new NotFound("Post " + id + " has no revision " + number + "."));
	}

	private PostRevision headRevision(Post post) {
		return this.posts.revision(post.id(), post.headRevision()).orElseThrow();
	}

	private Post with(Post post, Status status, Integer live, boolean stagedInReview, Instant scheduledAt,
			Instant publishedAt, Instant firstPublishedAt) {
		return new Post(post.id(), post.slug(), status, post.headRevision(), live, stagedInReview, scheduledAt,
				publishedAt, firstPublishedAt, this.clock.instant(), post.createdAt(), post.createdBy());
	}

	private EditorialPost editorial(Post post) {
		return editorial(post, headRevision(post));
	}

	private static EditorialPost editorial(Post post, PostRevision head) {
		return new EditorialPost(post.id().toString(), post.slug(), post.url(), post.status(), post.headRevision(),
				post.liveRevision(), post.hasStagedRevision(), post.stagedInReview(), post.scheduledAt(),
				post.publishedAt(), post.updatedAt(), head.title(), head.summary(), head.body(), head.html(),
				head.authors(), head.topics(), head.regimes(), head.tags(), head.cover());
	}

	private static PostSummary summary(PostRepository.Live live) {
		Post post = live.post();
		PostRevision r = live.revision();
		return new PostSummary(post.id().toString(), post.slug(), r.title(), r.summary(), post.url(),
				post.publishedAt(), post.updatedAt(), r.authors(), r.topics(), r.regimes(), r.tags(), r.cover());
	}

	private PostView view(Post post, PostRevision r) {
		return new PostView(post.id().toString(), post.slug(), r.title(), r.summary(), post.url(),
				this.properties.absolute(post.url()), r.html(), post.publishedAt(), post.updatedAt(), r.authors(),
				r.topics(), r.regimes(), r.tags(), r.cover(), this.posts.corrections(post.id()));
	}

	private static String target(UUID id) {
		return "post:" + id;
	}

	private static String name(Status status) {
		return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}

}
