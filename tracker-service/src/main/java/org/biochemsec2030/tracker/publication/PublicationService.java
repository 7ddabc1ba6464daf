package org.biochemsec2030.tracker.publication;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.biochemsec2030.contracts.tracker.DevelopmentAssessed;
import org.biochemsec2030.contracts.tracker.DevelopmentPublished;
import org.biochemsec2030.contracts.tracker.DevelopmentUpdated;
import org.biochemsec2030.contracts.tracker.DevelopmentWithdrawn;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.Problems;
import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.tracker.assessment.Assessment;
import org.biochemsec2030.tracker.assessment.AssessmentService;
import org.biochemsec2030.tracker.assessment.Spread;
import org.biochemsec2030.tracker.development.DevelopmentService;
import org.biochemsec2030.tracker.development.DevelopmentView;
import org.biochemsec2030.tracker.item.ItemService;
import org.biochemsec2030.tracker.item.ItemView;
import org.biochemsec2030.tracker.support.Conflict;
import org.biochemsec2030.tracker.support.InvalidInput;
import org.biochemsec2030.tracker.support.NotFound;
import org.biochemsec2030.tracker.support.TrackerTopics;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publication of developments behind the information-hazard gate ({@link Gate}). Every
 * public view of a development (pages, the public API, search, events) is made by
 * {@link #publicView}, so what the gate keeps internal cannot leak through one of them
 * while the others hold it back. Changes are announced through the outbox in their own
 * transaction.
 */
@Service
public class PublicationService {

	private final PublicationRepository publications;

	private final DevelopmentService developments;

	private final AssessmentService assessments;

	private final ItemService items;

	private final TrackerTopics topics;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	PublicationService(PublicationRepository publications, DevelopmentService developments,
			AssessmentService assessments, ItemService items, TrackerTopics topics, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.publications = publications;
		this.developments = developments;
		this.assessments = assessments;
		this.items = items;
		this.topics = topics;
		this.clock = clock;
	}

	/**
	 * Flags a development as an information hazard, or lifts the flag. Flagging a
	 * published development whose public summary is not reviewed as it stands takes it
	 * off the site at once: its technical detail must not stay public while the summary
	 * waits for review.
	 */
	@Transactional
	public Status setHazard(UUID id, boolean hazard, Actor actor) {
		DevelopmentView development = this.developments.lock(id);
		Instant now = this.clock.instant();
		this.publications.setHazard(id, hazard, actor.id(), now);
		Gate.State state = state(development);
		if (hazard && Gate.flaggingWithdraws(state)) {
			withdraw(development, now);
		}
		else if (state.published()) {
			announceUpdate(id, now);
		}
		return status(id);
	}

	/**
	 * The public summary, written or rewritten; a hazard-flagged one waits for review.
	 */
	@Transactional
	public Status writePublicSummary(UUID id, String text, Actor actor) {
		String summary = (text != null) ? text.strip() : "";
		if (summary.length() > Gate.MAX_PUBLIC_SUMMARY || Problems.hasNul(summary)) {
			throw InvalidInput.of("publicSummary", Problems.hasNul(summary) ? Problems.NUL_MESSAGE
					: "use at most " + Gate.MAX_PUBLIC_SUMMARY + " characters of plain text");
		}
		DevelopmentView development = this.developments.lock(id);
		Instant now = this.clock.instant();
		this.publications.writePublicSummary(id, summary, actor.id(), now);
		Gate.State state = state(development);
		if (state.published() && !state.hazard()) {
			announceUpdate(id, now);
		}
		return status(id);
	}

	/** A second analyst's review of the public summary as it is now. */
	@Transactional
	public Status review(UUID id, Actor reviewer) {
		DevelopmentView development = this.developments.lock(id);
		String refusal = Gate.refusalToReview(state(development), reviewer.id());
		if (refusal != null) {
			throw new Conflict(refusal);
		}
		Instant now = this.clock.instant();
		this.publications.review(id, reviewer.id(), now);
		if (state(development).published()) {
			announceUpdate(id, now);
		}
		return status(id);
	}

	@Transactional
	public Status publish(UUID id, Actor actor) {
		DevelopmentView development = this.developments.lock(id);
		List<String> refusals = Gate.refusalsToPublish(state(development));
		if (!refusals.isEmpty()) {
			throw new Conflict(String.join(" ", refusals));
		}
		Instant now = this.clock.instant();
		this.developments.setStatus(id, Gate.PUBLISHED, now);
		this.publications.published(id, now);
		PublicDevelopment view = publicView(id).orElseThrow();
		this.topics.announce(new DevelopmentPublished(id.toString(), view.title(), view.summary(), view.url(),
				view.fields(), view.regimes(), view.publishedAt()));
		this.events.publishEvent(new Published(id, now));
		return status(id);
	}

	@Transactional
	public Status withdraw(UUID id, Actor actor) {
		DevelopmentView development = this.developments.lock(id);
		if (!Gate.PUBLISHED.equals(development.status())) {
			throw new Conflict("It is not published.");
		}
		withdraw(development, this.clock.instant());
		return status(id);
	}

	private void withdraw(DevelopmentView development, Instant now) {
		this.developments.setStatus(development.id(), Gate.DRAFT, now);
		this.topics.announce(new DevelopmentWithdrawn(development.id().toString(), url(development), now));
	}

	/** A new assessment version: announced internally, and publicly when it is public. */
	@EventListener
	void assessed(AssessmentService.Assessed assessed) {
		int assessors = this.assessments.current(assessed.developmentId()).size();
		this.topics.announce(new DevelopmentAssessed(assessed.developmentId().toString(), assessors, assessed.at()));
		if (Gate.PUBLISHED.equals(this.developments.find(assessed.developmentId()).status())) {
			announceUpdate(assessed.developmentId(), assessed.at());
		}
	}

	@EventListener
	void changed(DevelopmentService.Changed changed) {
		if (Gate.PUBLISHED.equals(this.developments.find(changed.developmentId()).status())) {
			announceUpdate(changed.developmentId(), changed.at());
		}
	}

	private void announceUpdate(UUID id, Instant now) {
		PublicDevelopment view = publicView(id).orElseThrow();
		this.topics.announce(new DevelopmentUpdated(id.toString(), view.title(), view.summary(), view.url(),
				view.fields(), view.regimes(), view.publishedAt(), now));
	}

	/** The gate's state and what analysts need to act on it. */
	@Transactional(readOnly = true)
	public Status status(UUID id) {
		DevelopmentView development = this.developments.find(id);
		PublicationRepository.Row row = this.publications.find(id);
		Gate.State state = state(development, row);
		return new Status(id, development.status(), row.hazard(), row.publicSummary(), row.reviewedSummary(),
				row.reviewedBy(), row.reviewedAt(), state.reviewed(), Gate.refusalsToPublish(state));
	}

	/** The public view of a published development; empty when it is not published. */
	@Transactional(readOnly = true)
	public Optional<PublicDevelopment> publicView(UUID id) {
		DevelopmentView development = this.developments.find(id);
		if (!Gate.PUBLISHED.equals(development.status())) {
			return Optional.empty();
		}
		PublicationRepository.Row row = this.publications.find(id);
		Gate.State state = state(development, row);
		List<Assessment> current = this.assessments.current(id);
		Spread spread = Spread.of(current);
		boolean detail = Gate.detailIsPublic(state);
		Set<String> fields = new LinkedHashSet<>();
		Set<String> regimes = new LinkedHashSet<>();
		Set<String> implications = new LinkedHashSet<>();
		Set<String> hard = new LinkedHashSet<>();
		Set<String> soft = new LinkedHashSet<>();
		for (Assessment assessment : current) {
			fields.add(assessment.field());
			regimes.addAll(assessment.regimes());
			implications.addAll(assessment.implications());
			if (detail) {
				hard.addAll(assessment.hardMeasures());
				soft.addAll(assessment.softMeasures());
			}
		}
		List<PublicDevelopment.Evidence> evidence = new ArrayList<>();
		if (detail) {
			for (UUID itemId : development.itemIds()) {
				this.items.find(itemId).ifPresent(item -> evidence.addAll(evidence(item)));
			}
		}
		Instant updatedAt = this.publications.lastPublished(id)
			.filter(at -> at.isAfter(development.updatedAt()))
			.orElse(development.updatedAt());
		return Optional.of(new PublicDevelopment(id, development.slug(), development.title(), Gate.publicText(state),
				url(development), row.publishedAt(), updatedAt, List.copyOf(fields),
				regimes.stream().sorted(PublicationService::byTaxonomy).toList(), List.copyOf(implications),
				new PublicDevelopment.Maturity(spread.trl().min(), spread.trl().max()), spread.assessors(),
				spread.unnamed(), List.copyOf(hard), List.copyOf(soft), List.copyOf(evidence)));
	}

	/** The public view of the published development with this slug. */
	@Transactional(readOnly = true)
	public PublicDevelopment publicView(String slug) {
		return this.developments.bySlug(slug)
			.flatMap(development -> publicView(development.id()))
			.orElseThrow(() -> new NotFound("No published development " + slug));
	}

	/** Every published development, the latest published first. */
	@Transactional(readOnly = true)
	public List<PublicDevelopment> published() {
		return this.publications.published().stream().flatMap(id -> publicView(id).stream()).toList();
	}

	private Gate.State state(DevelopmentView development) {
		return state(development, this.publications.find(development.id()));
	}

	private Gate.State state(DevelopmentView development, PublicationRepository.Row row) {
		return new Gate.State(development.status(), row.hazard(),
				(development.summary() != null) ? development.summary() : "", row.publicSummary(),
				row.publicSummaryBy(), row.reviewedSummary(), this.assessments.current(development.id()).size());
	}

	private static List<PublicDevelopment.Evidence> evidence(ItemView item) {
		return item.reports()
			.stream()
			.map(report -> new PublicDevelopment.Evidence(report.title(), report.url(), report.sourceName()))
			.toList();
	}

	static String url(DevelopmentView development) {
		return "/tracker/" + development.slug();
	}

	private static int byTaxonomy(String a, String b) {
		return Integer.compare(order(a), order(b));
	}

	private static int order(String regime) {
		return Regime.byCode(regime).map(Enum::ordinal).orElse(99);
	}

	/**
	 * A development was published, in the publication's transaction: what watchlists
	 * alert on.
	 */
	public record Published(UUID developmentId, Instant at) {
	}

	/**
	 * Where a development stands at the gate, for analysts.
	 *
	 * @param publicSummary the public summary being written
	 * @param reviewedSummary the one a second analyst reviewed (what a flagged
	 * development shows), or null
	 * @param reviewed whether the public summary as written is the reviewed one
	 * @param refusals why it cannot be published now; empty when it can (or is published)
	 */
	public record Status(UUID developmentId, String status, boolean hazard, String publicSummary,
			String reviewedSummary, String reviewedBy, Instant reviewedAt, boolean reviewed, List<String> refusals) {
	}

}
