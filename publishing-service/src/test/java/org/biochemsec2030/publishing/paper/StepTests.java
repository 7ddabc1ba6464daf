package org.biochemsec2030.publishing.paper;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.biochemsec2030.publishing.support.WorkflowConflict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
 * Every step from every state: the allowed ones (written out here, independently of
 * {@link Step}) lead where the workflow says, every other one is refused with a reason.
 */
class StepTests {

	/** (step, from) → to: the whole workflow as the product describes it. */
	private static final Map<Step, Map<PaperState, PaperState>> ALLOWED = Map.ofEntries(
			Map.entry(Step.SUBMIT, Map.of(DRAFT, SUBMITTED, REVISIONS, SUBMITTED)),
			Map.entry(Step.OPEN_REVIEW, Map.of(SUBMITTED, IN_REVIEW)),
			Map.entry(Step.REQUEST_REVISIONS, Map.of(IN_REVIEW, REVISIONS)),
			Map.entry(Step.APPROVE, Map.of(IN_REVIEW, APPROVED)),
			Map.entry(Step.CLEAR_DUAL_USE, Map.of(APPROVED, CLEARED)),
			Map.entry(Step.REVISE_DUAL_USE, Map.of(APPROVED, REVISIONS)),
			Map.entry(Step.SCHEDULE, Map.of(CLEARED, SCHEDULED)),
			Map.entry(Step.UNSCHEDULE, Map.of(SCHEDULED, CLEARED)),
			Map.entry(Step.PUBLISH, Map.of(CLEARED, PUBLISHED, SCHEDULED, PUBLISHED)),
			Map.entry(Step.NEW_VERSION, Map.of(PUBLISHED, DRAFT)),
			Map.entry(Step.WITHDRAW, Map.of(PUBLISHED, WITHDRAWN)));

	static Stream<Arguments> allowed() {
		List<Arguments> cases = new ArrayList<>();
		ALLOWED.forEach((step, moves) -> moves.forEach((from, to) -> cases.add(Arguments.of(step, from, to))));
		return cases.stream();
	}

	static Stream<Arguments> refused() {
		List<Arguments> cases = new ArrayList<>();
		for (Step step : Step.values()) {
			for (PaperState from : PaperState.values()) {
				if (!ALLOWED.get(step).containsKey(from)) {
					cases.add(Arguments.of(step, from));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} takes a paper from {1} to {2}")
	@MethodSource("allowed")
	void allowedStepsLeadWhereTheWorkflowSays(Step step, PaperState from, PaperState to) {
		assertThat(step.allowedFrom(from)).isTrue();
		assertThat(step.apply(from)).isEqualTo(to);
	}

	@ParameterizedTest(name = "{0} is refused for a paper that is {1}")
	@MethodSource("refused")
	void everyOtherStepIsRefusedWithTheReason(Step step, PaperState from) {
		assertThat(step.allowedFrom(from)).isFalse();
		assertThatThrownBy(() -> step.apply(from)).isInstanceOf(WorkflowConflict.class)
			.hasMessageContaining("cannot be " + step.verb())
			.hasMessageContaining(from.label());
	}

	@Test
	void everyStepIsCoveredByTheTable() {
		assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder(Step.values());
	}

	@Test
	void aWithdrawnPaperCanTakeNoFurtherStep() {
		assertThat(Step.from(WITHDRAWN)).isEmpty();
	}

	@Test
	void publicationNeedsTheDualUseClearance() {
		EnumSet<PaperState> beforeClearance = EnumSet.of(DRAFT, SUBMITTED, IN_REVIEW, REVISIONS, APPROVED);
		beforeClearance.forEach(state -> assertThat(Step.PUBLISH.allowedFrom(state)).as(state.name()).isFalse());
		beforeClearance.forEach(state -> assertThat(Step.SCHEDULE.allowedFrom(state)).as(state.name()).isFalse());
	}

	@Test
	void theStepsOfAStateAreTheButtonsStaffSee() {
		assertThat(Step.from(APPROVED)).containsExactlyInAnyOrder(Step.CLEAR_DUAL_USE, Step.REVISE_DUAL_USE);
		assertThat(Step.from(PUBLISHED)).containsExactlyInAnyOrder(Step.NEW_VERSION, Step.WITHDRAW);
	}

}
