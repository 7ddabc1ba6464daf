package org.biochemsec2030.publishing.paper;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.biochemsec2030.publishing.support.WorkflowConflict;

import static org.biochemsec2030.publishing.paper.PaperState.APPROVED;
import static org.biochemsec2030.publishing.paper.PaperState.CLEARED;
import static org.biochemsec2030.publishing.paper.PaperState.DRAFT;
import static org.biochemsec2030.publishing.paper.PaperState.IN_REVIEW;
import static org.biochemsec2030.publishing.paper.PaperState.PUBLISHED;
import static org.biochemsec2030.publishing.paper.PaperState.REVISIONS;
import static org.biochemsec2030.publishing.paper.PaperState.SCHEDULED;
import static org.biochemsec2030.publishing.paper.PaperState.SUBMITTED;
import static org.biochemsec2030.publishing.paper.PaperState.WITHDRAWN;

/**
 * The paper workflow, stated once: each step names the states it may be taken from and
 * the state it leads to. Nothing else in the service decides whether a step is allowed.
 *
 * <pre>
 * draft → submitted → in review ⇄ revisions → approved → dual-use review → cleared
 *       → scheduled → published → withdrawn
 * </pre>
 *
 * A dual-use review that asks for changes sends the paper back to revisions; a published
 * paper starts its next version as a draft (the published version stays up meanwhile).
 */
public enum Step {

	/** Author's text is ready: the editors take it from here (also after revisions). */
	SUBMIT(EnumSet.of(DRAFT, REVISIONS), SUBMITTED),
	/** A review round opens on the submitted version; reviewers are assigned in it. */
	OPEN_REVIEW(EnumSet.of(SUBMITTED), IN_REVIEW),
	/** The round closes asking the authors for changes. */
	REQUEST_REVISIONS(EnumSet.of(IN_REVIEW), REVISIONS),
	/** The round closes accepting the version. */
	APPROVE(EnumSet.of(IN_REVIEW), APPROVED),
	/** The separate dual-use review finds nothing that should not be published. */
	CLEAR_DUAL_USE(EnumSet.of(APPROVED), CLEARED),
	/** The dual-use review asks for changes before publication. */
	REVISE_DUAL_USE(EnumSet.of(APPROVED), REVISIONS), SCHEDULE(EnumSet.of(CLEARED), SCHEDULED),
	UNSCHEDULE(EnumSet.of(SCHEDULED), CLEARED), PUBLISH(EnumSet.of(CLEARED, SCHEDULED), PUBLISHED),
	/** A published paper's next version starts as a draft. */
	NEW_VERSION(EnumSet.of(PUBLISHED), DRAFT),
	/** The record stays, with a notice, as arXiv does. */
	WITHDRAW(EnumSet.of(PUBLISHED), WITHDRAWN);

	private final Set<PaperState> from;

	private final PaperState to;

	Step(Set<PaperState> from, PaperState to) {
		this.from = from;
		this.to = to;
	}

	public boolean allowedFrom(PaperState state) {
		return this.from.contains(state);
	}

	public PaperState to() {
		return this.to;
	}

	/** The state after this step, or a conflict saying why it cannot be taken. */
	public PaperState apply(PaperState state) {
		if (!allowedFrom(state)) {
			throw new WorkflowConflict(
					"A paper that is " + state.label() + " cannot be " + verb() + "; that needs a paper that is "
							+ String.join(" or ", this.from.stream().map(PaperState::label).toList()) + ".");
		}
		return this.to;
	}

	/** The steps that can be taken from a state (the admin tool's buttons). */
	public static Set<Step> from(PaperState state) {
		EnumSet<Step> steps = EnumSet.noneOf(Step.class);
		for (Step step : values()) {
			if (step.allowedFrom(state)) {
				steps.add(step);
			}
		}
		return steps;
	}

	String verb() {
		return switch (this) {
			case SUBMIT -> "submitted";
			case OPEN_REVIEW -> "sent to review";
			case REQUEST_REVISIONS -> "sent back for revisions";
			case APPROVE -> "approved";
			case CLEAR_DUAL_USE, REVISE_DUAL_USE -> "given a dual-use decision";
			case SCHEDULE -> "scheduled";
			case UNSCHEDULE -> "unscheduled";
			case PUBLISH -> "published";
			case NEW_VERSION -> "given a new version";
			case WITHDRAW -> "withdrawn";
		};
	}

	public String slug() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
