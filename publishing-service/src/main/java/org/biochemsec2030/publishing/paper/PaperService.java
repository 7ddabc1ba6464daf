package org.biochemsec2030.publishing.paper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.contracts.publishing.PaperApproved;
import org.biochemsec2030.contracts.publishing.PaperPublished;
import org.biochemsec2030.contracts.publishing.PaperSubmitted;
import org.biochemsec2030.contracts.publishing.PaperVersionPublished;
import org.biochemsec2030.contracts.publishing.PaperWithdrawn;
import org.biochemsec2030.platform.events.Announcer;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.AuditLog;
import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.platform.taxonomy.Taxonomy;
import org.biochemsec2030.publishing.meeting.MeetingService;
import org.biochemsec2030.publishing.meeting.TreatyMeeting;
import org.biochemsec2030.publishing.render.BibTeXReferences;
import org.biochemsec2030.publishing.render.SafeHtml;
import org.biochemsec2030.publishing.render.Slugs;
import org.biochemsec2030.publishing.support.InvalidInput;
import org.biochemsec2030.publishing.support.InvalidInput.FieldProblem;
import org.biochemsec2030.publishing.support.NotFound;
import org.biochemsec2030.publishing.support.PublishingProperties;
import org.biochemsec2030.publishing.support.PublishingTopics;
import org.biochemsec2030.publishing.support.WorkflowConflict;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Briefing papers: writing, the editorial workflow ({@link Step}), versions and what
 * readers see. Every step is audited and kept in the paper's history; what readers can
 * see is announced through the outbox in the step's transaction.
 */
@Service
public class PaperService {

	private final PaperRepository papers;

	private final MeetingService meetings;

	private final SafeHtml safeHtml;

	private final PublishingTopics topics;

	private final AuditLog audit;

	private final PublishingProperties properties;

	private final Clock clock;

	private final Embargoes embargoes;

	PaperService(PaperRepository papers, MeetingService meetings, SafeHtml safeHtml, PublishingTopics topics,
			AuditLog audit, PublishingProperties properties, Clock clock, Embargoes embargoes) {
		this.papers = papers;
		this.meetings = meetings;
		this.safeHtml = safeHtml;
		this.topics = topics;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.embargoes = embargoes;
	}

	// --- writing ---

	@Transactional
	public EditorialPaper create(Actor actor, PaperInput input) {
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		PaperVersion version = version(id, 1, input, null, now, now);
		Paper paper = new Paper(id, uniqueSlug(input.title(), id), PaperState.DRAFT, 1, null, null, null, null, null,
				null, now, now, actor.id());
		this.papers.insert(paper);
		this.papers.insertVersion(version);
		this.audit.record(actor, "paper.created", target(id), Map.of("slug", paper.slug(), "title", input.title()));
		return editorial(paper);
	}

	/** Changes the working version; only a draft or a paper waiting for revisions. */
	@Transactional
	public EditorialPaper update(Actor actor, UUID id, PaperInput input) {
		Paper paper = lock(id);
		if (paper.state() != PaperState.DRAFT && paper.state() != PaperState.REVISIONS) {
			throw new WorkflowConflict("Only a draft or a paper waiting for revisions can be edited; this one is "
					+ paper.state().label() + ".");
		}
		PaperVersion old = working(paper);
		PaperVersion changed = version(id, old.number(), input, old.changeNote(), old.createdAt(),
				this.clock.instant());
		this.papers.updateVersion(changed);
		String slug = paper.everPublished() ? paper.slug() : uniqueSlug(input.title(), id);
		Paper updated = new Paper(id, slug, paper.state(), paper.workingVersion(), paper.publishedVersion(),
				paper.seriesNumber(), paper.scheduledAt(), paper.firstPublishedAt(), paper.withdrawnAt(),
				paper.withdrawalNotice(), paper.createdAt(), this.clock.instant(), paper.createdBy());
		this.papers.update(updated);
		this.audit.record(actor, "paper.revised", target(id), Map.of("version", old.number()));
		return editorial(updated);
	}

	// --- workflow ---

	@Transactional
	public EditorialPaper submit(Actor actor, UUID id) {
		Paper paper = lock(id);
		Paper next = take(actor, paper, Step.SUBMIT, null);
		this.topics.announce(
				new PaperSubmitted(id.toString(), paper.workingVersion(), working(paper).title(), next.updatedAt()));
		return editorial(next);
	}

	/** Opens the next review round on the working version. */
	@Transactional
	public EditorialPaper openReview(Actor actor, UUID id) {
		Paper paper = lock(id);
		Paper next = take(actor, paper, Step.OPEN_REVIEW, null);
		int round = this.papers.rounds(id).size() + 1;
		this.papers.openRound(id, round, paper.workingVersion(), this.clock.instant());
		return editorial(next);
	}

	/**
	 * Assigns a reviewer in the open round. The answer carries a conflict-of-interest
	 * warning when the reviewer shares an affiliation with an author (or is one).
	 */
	@Transactional
	public Review.Assignment assign(Actor actor, UUID id, Review.AssignInput input) {
		Paper paper = lock(id);
		Review.Round round = openRound(paper);
		if (!input.dueOn().isAfter(this.clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate())) {
			throw InvalidInput.of("dueOn", "pick a due date after today");
		}
		String conflict = Conflicts.warning(input, working(paper).authors());
		Review.Assignment assignment = new Review.Assignment(UUID.randomUUID(), round.number(),
				blank(input.reviewerId()), input.name().trim(), blank(input.email()), blank(input.affiliation()),
				input.dueOn(), conflict, null, null, null, this.clock.instant());
		this.papers.insertAssignment(assignment, id);
		this.audit.record(actor, "paper.reviewer-assigned", target(id), Map.of("round", round.number(), "reviewer",
				assignment.name(), "dueOn", input.dueOn().toString(), "conflict", (conflict != null) ? conflict : ""));
		return assignment;
	}

	/** Records a reviewer's recommendation and comments (once per assignment). */
	@Transactional
	public Review.Assignment review(Actor actor, UUID id, UUID assignmentId, Review.ReviewInput input) {
		Paper paper = lock(id);
		Review.Assignment assignment = this.papers.assignment(id, assignmentId)
			.orElseThrow(() -> new NotFound("Paper " + id + " has no reviewer assignment " + assignmentId + "."));
		Review.Round round = openRound(paper);
		if (assignment.round() != round.number()) {
			throw new WorkflowConflict("That assignment belongs to review round " + assignment.round()
					+ ", which is closed; the open round is " + round.number() + ".");
		}
		if (assignment.reviewedAt() != null) {
			throw new WorkflowConflict("That reviewer's recommendation is already recorded.");
		}
		this.papers.recordReview(assignmentId, input.recommendation().name(), blank(input.comments()),
				this.clock.instant());
		this.audit.record(actor, "paper.reviewed", target(id),
				Map.of("round", round.number(), "recommendation", input.recommendation().name()));
		return this.papers.assignment(id, assignmentId).orElseThrow();
	}

	@Transactional
	public EditorialPaper requestRevisions(Actor actor, UUID id, String note) {
		Paper paper = lock(id);
		Review.Round round = openRound(paper);
		Paper next = take(actor, paper, Step.REQUEST_REVISIONS, note);
		this.papers.closeRound(id, round.number(), "REVISIONS", this.clock.instant());
		return editorial(next);
	}

	/** Accepts the version under review; every assigned reviewer must have answered. */
	@Transactional
	public EditorialPaper approve(Actor actor, UUID id, String note) {
		Paper paper = lock(id);
		Step.APPROVE.apply(paper.state());
		Review.Round round = openRound(paper);
		if (round.assignments().isEmpty()) {
			throw new WorkflowConflict("Assign at least one reviewer and record the review before approving.");
		}
		long waiting = round.assignments().stream().filter(a -> a.reviewedAt() == null).count();
		if (waiting > 0) {
			throw new WorkflowConflict(
					waiting + " reviewer(s) of round " + round.number() + " have not given a recommendation yet.");
		}
		Paper next = take(actor, paper, Step.APPROVE, note);
		this.papers.closeRound(id, round.number(), "APPROVED", this.clock.instant());
		this.topics.announce(new PaperApproved(id.toString(), paper.workingVersion(), working(paper).title(),
				round.number(), next.updatedAt()));
		return editorial(next);
	}

	/**
	 * The separate dual-use review of the approved version: decision and rationale kept.
	 */
	@Transactional
	public EditorialPaper dualUse(Actor actor, UUID id, Review.DualUseInput input) {
		Paper paper = lock(id);
		Step step = (input.decision() == Review.Decision.CLEAR) ? Step.CLEAR_DUAL_USE : Step.REVISE_DUAL_USE;
		Paper next = take(actor, paper, step, input.rationale());
		this.papers.insertDualUse(id, new Review.DualUse(paper.workingVersion(), input.decision().name(),
				input.rationale().trim(), this.clock.instant(), actor.name()));
		return editorial(next);
	}

	@Transactional
	public EditorialPaper schedule(Actor actor, UUID id, Instant at) {
		return schedule(actor, id, at, false);
	}

	/**
	 * Schedules publication at {@code at}. With {@code embargo}, a first publication is
	 * also announced to trusted partners now, under embargo until {@code at}: its series
	 * number is given now, since the announcement carries it.
	 */
	@Transactional
	public EditorialPaper schedule(Actor actor, UUID id, Instant at, boolean embargo) {
		Instant now = this.clock.instant();
		if (!at.isAfter(now)) {
			throw InvalidInput.of("at", "pick a time in the future, or publish now instead");
		}
		if (embargo && !at.isAfter(now.plus(Announcer.LAST_RECALL))) {
			throw InvalidInput.of("at",
					"an embargo must end more than " + Announcer.LAST_RECALL.toSeconds() + " seconds from now");
		}
		Paper paper = lock(id);
		Step.SCHEDULE.apply(paper.state());
		if (embargo && paper.everPublished()) {
			throw InvalidInput.of("embargo",
					"only a first publication is announced ahead; this paper is public already");
		}
		Integer series = paper.seriesNumber();
		if (embargo && series == null) {
			series = this.papers.nextSeriesNumber();
		}
		Paper scheduled = new Paper(id, paper.slug(), paper.state(), paper.workingVersion(), paper.publishedVersion(),
				series, at, paper.firstPublishedAt(), paper.withdrawnAt(), paper.withdrawalNotice(), paper.createdAt(),
				paper.updatedAt(), paper.createdBy());
		Paper next = take(actor, scheduled, Step.SCHEDULE, at + (embargo ? ", announced under embargo" : ""));
		if (embargo) {
			this.embargoes.announce(announcement(scheduled, working(scheduled), series, at), at, now);
		}
		return editorial(next);
	}

	/**
	 * Calls a schedule off; an announcement under embargo is recalled, which is refused
	 * shortly before the embargo ends, when the announcement may be going out.
	 */
	@Transactional
	public EditorialPaper unschedule(Actor actor, UUID id) {
		Paper paper = lock(id);
		Step.UNSCHEDULE.apply(paper.state());
		this.embargoes.of(id).ifPresent(announced -> {
			if (!this.embargoes.recall(id, announced)) {
				throw new WorkflowConflict("This paper was announced to trusted partners under embargo until "
						+ announced.until() + ", which is too close to be called off; publish it and withdraw it"
						+ " if it must not stand");
			}
		});
		return step(actor, paper, Step.UNSCHEDULE, null);
	}

	@Transactional
	public EditorialPaper publish(Actor actor, UUID id) {
		Paper paper = lock(id);
		this.embargoes.of(id).ifPresent(announced -> {
			throw new WorkflowConflict("This paper was announced to trusted partners under embargo until "
					+ announced.until() + ": call the schedule off first (which recalls the announcement), or let"
					+ " it publish then");
		});
		return editorial(goLive(actor, paper));
	}

	/**
	 * Publishes the scheduled papers that are due. Rows are claimed with
	 * {@code FOR UPDATE SKIP LOCKED}: several replicas may run this at once and each
	 * paper is published once.
	 */
	@Transactional
	public int publishDue(int limit) {
		List<UUID> due = this.papers.claimDue(this.clock.instant(), limit);
		Actor scheduler = Actor.system("scheduler");
		due.forEach(id -> goLive(scheduler, lock(id)));
		return due.size();
	}

	/**
	 * Starts the next version of a published paper as a draft, carrying the note on what
	 * changed and why. The published version stays up until the new one is published.
	 */
	@Transactional
	public EditorialPaper newVersion(Actor actor, UUID id, ChangeNote note) {
		Paper paper = lock(id);
		Step.NEW_VERSION.apply(paper.state());
		PaperVersion current = working(paper);
		Instant now = this.clock.instant();
		int number = paper.workingVersion() + 1;
		this.papers.insertVersion(new PaperVersion(id, number, current.title(), current.abstractText(), current.body(),
				current.html(), current.authors(), current.topics(), current.regimes(), current.developments(),
				current.licence(), current.meeting(), current.agendaItem(), current.unDocuments(),
				current.distributionDeadline(), current.references(), note, null, now, now));
		Paper next = new Paper(id, paper.slug(), paper.state(), number, paper.publishedVersion(), paper.seriesNumber(),
				null, paper.firstPublishedAt(), null, null, paper.createdAt(), now, paper.createdBy());
		return editorial(take(actor, next, Step.NEW_VERSION, note.why()));
	}

	/** Withdraws a published paper: its record and versions stay, with the notice. */
	@Transactional
	public EditorialPaper withdraw(Actor actor, UUID id, String notice) {
		Paper paper = lock(id);
		Step.WITHDRAW.apply(paper.state());
		Instant now = this.clock.instant();
		Paper withdrawn = new Paper(id, paper.slug(), paper.state(), paper.workingVersion(), paper.publishedVersion(),
				paper.seriesNumber(), null, paper.firstPublishedAt(), now, notice.trim(), paper.createdAt(), now,
				paper.createdBy());
		Paper next = take(actor, withdrawn, Step.WITHDRAW, notice);
		this.topics.announce(new PaperWithdrawn(id.toString(), url(paper.slug()), notice.trim(), now));
		return editorial(next);
	}

	private Paper goLive(Actor actor, Paper paper) {
		Step.PUBLISH.apply(paper.state());
		Instant now = this.clock.instant();
		PaperVersion version = working(paper);
		boolean first = !paper.everPublished();
		Integer series = (paper.seriesNumber() != null) ? paper.seriesNumber() : this.papers.nextSeriesNumber();
		this.papers.updateVersion(published(version, now));
		Paper live = new Paper(paper.id(), paper.slug(), paper.state(), paper.workingVersion(), paper.workingVersion(),
				series, paper.scheduledAt(), first ? now : paper.firstPublishedAt(), null, null, paper.createdAt(), now,
				paper.createdBy());
		Paper next = take(actor, live, Step.PUBLISH, "version " + version.number());
		ChangeNote note = version.changeNote();
		this.topics.announce(new PaperVersionPublished(paper.id().toString(), version.number(), version.title(),
				versionUrl(paper.slug(), version.number()), this.properties.seriesLabel(series),
				(note != null) ? note.what() : List.of(), (note != null) ? note.why() : "", now));
		if (first && this.embargoes.of(paper.id()).isPresent()) {
			// Announced at scheduling, held for this time: not a second time.
			this.embargoes.forget(paper.id());
		}
		else if (first) {
			// content-service drafts its announcement of a new paper from this one.
			this.topics.announce(announcement(paper, version, series, now));
		}
		return next;
	}

	private PaperPublished announcement(Paper paper, PaperVersion version, int series, Instant at) {
		return new PaperPublished(paper.id().toString(), version.title(), version.abstractText(), url(paper.slug()),
				this.properties.seriesLabel(series), version.topics(), publicRegimes(version), at);
	}

	/** The contract names the taxonomy's regimes by their codes. */
	private static List<String> publicRegimes(PaperVersion version) {
		return version.regimes().stream().flatMap(code -> Regime.byCode(code).stream()).map(Regime::code).toList();
	}

	private static PaperVersion published(PaperVersion v, Instant now) {
		return new PaperVersion(v.paperId(), v.number(), v.title(), v.abstractText(), v.body(), v.html(), v.authors(),
				v.topics(), v.regimes(), v.developments(), v.licence(), v.meeting(), v.agendaItem(), v.unDocuments(),
				v.distributionDeadline(), v.references(), v.changeNote(), now, v.createdAt(), now);
	}

	private EditorialPaper step(Actor actor, Paper paper, Step step, String note) {
		return editorial(take(actor, paper, step, note));
	}

	/**
	 * Takes a step: the workflow decides, then the row, the history and the audit log.
	 */
	private Paper take(Actor actor, Paper paper, Step step, String note) {
		PaperState to = step.apply(paper.state());
		Instant now = this.clock.instant();
		Paper next = paper.withState(to, now);
		this.papers.update(next);
		this.papers.insertStep(paper.id(), new Review.HistoryEntry(step.slug(), paper.state().name(), to.name(),
				paper.workingVersion(), blank(note), now, actor.name()));
		this.audit.record(actor, "paper." + step.slug(), target(paper.id()),
				Map.of("from", paper.state().name(), "to", to.name(), "version", paper.workingVersion()));
		return next;
	}

	// --- reading ---

	@Transactional(readOnly = true)
	public List<PaperSummary> published(int page, int size) {
		return this.papers.published(page * size, size).stream().map(this::summary).toList();
	}

	/**
	 * The published papers written for a treaty meeting, latest versions, in series
	 * order.
	 */
	@Transactional(readOnly = true)
	public List<PaperView> forMeeting(String meeting) {
		return this.papers.forMeeting(meeting).stream().map(p -> view(p, p.publishedVersion())).toList();
	}

	@Transactional(readOnly = true)
	public int countPublished() {
		return this.papers.countPublished();
	}

	/** The latest published version of a paper. */
	@Transactional(readOnly = true)
	public PaperView latest(String slug) {
		Paper paper = publicPaper(slug);
		return view(paper, paper.publishedVersion());
	}

	/**
	 * One published version; a version that exists but is not public is not found either.
	 */
	@Transactional(readOnly = true)
	public PaperView version(String slug, int number) {
		Paper paper = publicPaper(slug);
		PaperVersion version = this.papers.version(paper.id(), number)
			.filter(PaperVersion::published)
			.orElseThrow(() -> new NotFound("Paper '" + slug + "' has no published version " + number + "."));
		return view(paper, version.number());
	}

	/** A page of public papers for harvesters, with each one's datestamp. */
	@Transactional(readOnly = true)
	public Harvest harvest(Instant from, Instant until, String set, int offset, int limit) {
		String kind = null;
		String value = null;
		if (set != null) {
			int colon = set.indexOf(':');
			kind = (colon > 0) ? set.substring(0, colon) : set;
			value = (colon > 0) ? set.substring(colon + 1) : "";
		}
		List<Harvest.Item> items = this.papers.harvest(from, until, kind, value, offset, limit)
			.stream()
			.map(h -> new Harvest.Item(view(h.paper(), h.paper().publishedVersion()), h.datestamp()))
			.toList();
		return new Harvest(items, this.papers.countHarvest(from, until, kind, value));
	}

	/** One public paper for harvesters, or empty. */
	@Transactional(readOnly = true)
	public java.util.Optional<Harvest.Item> harvested(String slug) {
		return this.papers.findPublic(slug).map(paper -> {
			PaperView view = view(paper, paper.publishedVersion());
			Instant stamp = (paper.withdrawnAt() != null && paper.withdrawnAt().isAfter(view.publishedAt()))
					? paper.withdrawnAt() : view.publishedAt();
			return new Harvest.Item(view, stamp);
		});
	}

	@Transactional(readOnly = true)
	public List<String> harvestSets() {
		return this.papers.harvestSets();
	}

	@Transactional(readOnly = true)
	public java.util.Optional<Instant> earliestDatestamp() {
		return this.papers.earliestDatestamp();
	}

	/** A paper's latest public version, or empty when it has none (no exception). */
	@Transactional(readOnly = true)
	public java.util.Optional<PaperView> findPublic(UUID id) {
		return this.papers.find(id).filter(Paper::everPublished).map(paper -> view(paper, paper.publishedVersion()));
	}

	/** Every public paper's latest version (search index rebuilds). */
	@Transactional(readOnly = true)
	public List<PaperView> allPublic() {
		List<PaperView> all = new ArrayList<>();
		for (int offset = 0;; offset += 50) {
			List<Paper> batch = this.papers.published(offset, 50);
			batch.forEach(paper -> all.add(view(paper, paper.publishedVersion())));
			if (batch.size() < 50) {
				return all;
			}
		}
	}

	/** The Markdown source of a published version (for the PDF). */
	@Transactional(readOnly = true)
	public String markdown(PaperView view) {
		return this.papers.version(UUID.fromString(view.id()), view.version())
			.filter(PaperVersion::published)
			.orElseThrow(() -> new NotFound("Version " + view.version() + " of " + view.slug() + " is not published."))
			.body();
	}

	/** The reviewer assignments of every open round, soonest due first. */
	@Transactional(readOnly = true)
	public List<Review.Open> openAssignments() {
		return this.papers.openAssignments();
	}

	/** How many papers are in each state (the admin tool's overview). */
	@Transactional(readOnly = true)
	public Map<PaperState, Integer> countByState() {
		return this.papers.countByState();
	}

	@Transactional(readOnly = true)
	public EditorialPaper editorial(UUID id) {
		return editorial(find(id));
	}

	@Transactional(readOnly = true)
	public List<EditorialPaper> editorial(PaperState state, int page, int size) {
		return this.papers.byState(state, page * size, size).stream().map(this::editorial).toList();
	}

	// --- helpers ---

	private PaperVersion version(UUID id, int number, PaperInput input, ChangeNote note, Instant created, Instant now) {
		List<FieldProblem> problems = new ArrayList<>();
		List<Taxonomy.Problem> found = new ArrayList<>();
		List<String> topicSlugs = Taxonomy.topics("topics", input.topics(), found);
		List<String> regimeCodes = Taxonomy.regimes("regimes", input.regimes(), found);
		found.forEach(p -> problems.add(new FieldProblem(p.field(), p.message())));
		String licence = (input.licence() == null || input.licence().isBlank()) ? Licence.DEFAULT.spdx()
				: Licence.of(input.licence().trim()).map(Licence::spdx).orElse(null);
		if (licence == null) {
			problems.add(new FieldProblem("licence", "choose one of "
					+ String.join(", ", java.util.Arrays.stream(Licence.values()).map(Licence::spdx).toList())));
		}
		String meeting = blank(input.meeting());
		if (meeting != null && this.meetings.find(meeting).isEmpty()) {
			problems.add(new FieldProblem("meeting", "no treaty meeting has the address name '" + meeting
					+ "': create it first or choose an existing one"));
		}
		List<Map<String, Object>> references = new ArrayList<>(input.references());
		if (input.referencesBibtex() != null && !input.referencesBibtex().isBlank()) {
			try {
				references.addAll(BibTeXReferences.cslJson("referencesBibtex", input.referencesBibtex()));
			}
			catch (InvalidInput ex) {
				problems.addAll(ex.problems());
			}
		}
		java.util.Set<Object> ids = new java.util.HashSet<>();
		for (Map<String, Object> reference : references) {
			if (reference.get("id") != null && !ids.add(reference.get("id"))) {
				problems.add(new FieldProblem("referencesBibtex",
						"the reference key '" + reference.get("id") + "' is used twice; give each reference its own"));
			}
		}
		for (int i = 0; i < input.references().size(); i++) {
			Object refId = input.references().get(i).get("id");
			if (!(refId instanceof String s) || s.isBlank()) {
				problems.add(new FieldProblem("references[" + i + "].id", "give each CSL-JSON reference an id"));
			}
		}
		if (Slugs.slugify(input.title(), 80).isEmpty()) {
			problems.add(new FieldProblem("title", "use at least one letter or digit in the title"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new PaperVersion(id, number, input.title().trim(), input.abstractText().trim(), input.body(),
				this.safeHtml.markdown(input.body()), input.authors().stream().map(PaperService::cleaned).toList(),
				topicSlugs, regimeCodes, input.developments(), licence, meeting, blank(input.agendaItem()),
				input.unDocuments(), input.distributionDeadline(), references, note, null, created, now);
	}

	private static Author cleaned(Author a) {
		return new Author(a.name().trim(), blank(a.affiliation()), blank(a.orcid()), blank(a.memberId()));
	}

	private Review.Round openRound(Paper paper) {
		if (paper.state() != PaperState.IN_REVIEW) {
			throw new WorkflowConflict(
					"The paper has no open review round: it is " + paper.state().label() + ". Open a round first.");
		}
		List<Review.Round> rounds = rounds(paper.id());
		return rounds.get(rounds.size() - 1);
	}

	private List<Review.Round> rounds(UUID id) {
		List<Review.Assignment> assignments = this.papers.assignments(id);
		return this.papers.rounds(id)
			.stream()
			.map(r -> new Review.Round(r.number(), r.version(), r.openedAt(), r.closedAt(), r.outcome(),
					assignments.stream().filter(a -> a.round() == r.number()).toList()))
			.toList();
	}

	private Paper find(UUID id) {
		return this.papers.find(id).orElseThrow(() -> new NotFound("No paper has the id " + id + "."));
	}

	private Paper lock(UUID id) {
		return this.papers.lock(id).orElseThrow(() -> new NotFound("No paper has the id " + id + "."));
	}

	private PaperVersion working(Paper paper) {
		return this.papers.version(paper.id(), paper.workingVersion()).orElseThrow();
	}

	private Paper publicPaper(String slug) {
		return this.papers.findPublic(slug)
			.orElseThrow(() -> new NotFound("No published paper has the address name '" + slug + "'."));
	}

	private String uniqueSlug(String title, UUID id) {
		String base = Slugs.slugify(title, 80);
		String slug = base;
		for (int n = 2; this.papers.slugTaken(slug, id); n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

	private EditorialPaper editorial(Paper paper) {
		PaperVersion v = working(paper);
		EditorialPaper.WorkingVersion working = new EditorialPaper.WorkingVersion(v.number(), v.title(),
				v.abstractText(), v.body(), v.html(), v.authors(), v.topics(), v.regimes(), v.developments(),
				v.licence(), v.meeting(), v.agendaItem(), v.unDocuments(), v.distributionDeadline(), v.references(),
				v.changeNote(), v.published());
		return new EditorialPaper(paper.id().toString(), paper.slug(), paper.state().name(),
				Step.from(paper.state()).stream().map(Step::slug).toList(), paper.workingVersion(),
				paper.publishedVersion(), paper.seriesNumber(), paper.scheduledAt(), paper.firstPublishedAt(), working,
				rounds(paper.id()), this.papers.dualUse(paper.id()), this.papers.history(paper.id()),
				paper.withdrawalNotice());
	}

	private PaperSummary summary(Paper paper) {
		PaperVersion v = this.papers.version(paper.id(), paper.publishedVersion()).orElseThrow();
		String meeting = this.meetings.find(v.meeting()).map(TreatyMeeting::name).orElse(null);
		return new PaperSummary(paper.id().toString(), paper.slug(), url(paper.slug()), v.title(), v.abstractText(),
				v.authors().stream().map(Author::name).toList(), v.topics(), v.regimes(),
				this.properties.seriesLabel(paper.seriesNumber()), paper.seriesNumber(), v.number(), meeting,
				v.publishedAt(), paper.withdrawnAt() != null);
	}

	private PaperView view(Paper paper, int number) {
		PaperVersion v = this.papers.version(paper.id(), number).orElseThrow();
		Licence licence = Licence.of(v.licence()).orElse(Licence.DEFAULT);
		PaperView.MeetingRef meeting = this.meetings.find(v.meeting())
			.map(m -> new PaperView.MeetingRef(m.slug(), m.name(), m.url()))
			.orElse(null);
		List<PaperView.VersionEntry> versions = this.papers.publishedVersions(paper.id())
			.stream()
			.map(p -> new PaperView.VersionEntry(p.number(), versionUrl(paper.slug(), p.number()), p.publishedAt(),
					p.changeNote()))
			.toList();
		PaperView.Withdrawal withdrawal = (paper.withdrawnAt() != null)
				? new PaperView.Withdrawal(paper.withdrawnAt(), paper.withdrawalNotice()) : null;
		return new PaperView(paper.id().toString(), paper.slug(), url(paper.slug()), versionUrl(paper.slug(), number),
				number, number == paper.publishedVersion(), v.title(), v.abstractText(), v.html(), v.authors(),
				v.topics(), v.regimes(), v.developments(), licence.spdx(), licence.title(), licence.url(), meeting,
				v.agendaItem(), v.unDocuments(), v.distributionDeadline(), v.references(), paper.seriesNumber(),
				this.properties.seriesLabel(paper.seriesNumber()), v.publishedAt(), paper.firstPublishedAt(),
				v.changeNote(), withdrawal, versions);
	}

	static String url(String slug) {
		return "/papers/" + slug;
	}

	static String versionUrl(String slug, int number) {
		return "/papers/" + slug + "/v" + number;
	}

	private static String target(UUID id) {
		return "paper:" + id;
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
