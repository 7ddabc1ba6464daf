package org.biochemsec2030.tracker.assessment;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.tracker.development.DevelopmentService;
import org.biochemsec2030.tracker.development.DevelopmentView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessments of developments: each analyst keeps their own, every change recorded as a
 * new version with who and when, and a development shows how they compare rather than one
 * merged judgement.
 */
@Service
public class AssessmentService {

	private final AssessmentRepository assessments;

	private final DevelopmentService developments;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AssessmentService(AssessmentRepository assessments, DevelopmentService developments,
			ApplicationEventPublisher events, Clock clock) {
		this.assessments = assessments;
		this.developments = developments;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records the analyst's assessment as their next version. The development's row is
	 * locked first, so two changes by one analyst get two versions, never one twice.
	 */
	@Transactional
	public Assessment record(UUID developmentId, AssessmentInput input, Actor assessor) {
		DevelopmentView development = this.developments.lock(developmentId);
		int version = this.assessments.lastVersion(developmentId, assessor.id()) + 1;
		Instant now = this.clock.instant();
		Assessment assessment = AssessmentRules.check(input, developmentId, new HashSet<>(development.itemIds()),
				assessor, version, now);
		this.assessments.insert(assessment);
		this.developments.touch(developmentId, now);
		// Publication listens in this transaction: it announces the change and keeps a
		// published development's public state current.
		this.events.publishEvent(new Assessed(developmentId, version, now));
		return assessment;
	}

	/** The latest version of each analyst's assessment. */
	@Transactional(readOnly = true)
	public List<Assessment> current(UUID developmentId) {
		this.developments.find(developmentId);
		return this.assessments.current(developmentId);
	}

	@Transactional(readOnly = true)
	public List<Assessment> history(UUID developmentId) {
		this.developments.find(developmentId);
		return this.assessments.history(developmentId);
	}

	/** The current assessments and how they compare. */
	@Transactional(readOnly = true)
	public Comparison compare(UUID developmentId) {
		List<Assessment> current = current(developmentId);
		return new Comparison(current, Spread.of(current));
	}

	/** A development's current assessments, one per analyst, and their spread. */
	public record Comparison(List<Assessment> assessments, Spread spread) {
	}

	/** Published within the transaction that recorded an assessment. */
	public record Assessed(UUID developmentId, int version, Instant at) {
	}

}
