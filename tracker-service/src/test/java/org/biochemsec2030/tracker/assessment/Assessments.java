package org.biochemsec2030.tracker.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.biochemsec2030.platform.security.Actor;

/** Assessments for tests: a complete, acceptable input, and recorded ones to compare. */
final class Assessments {

	static final UUID DEVELOPMENT = UUID.fromString("6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b");

	static final UUID ITEM = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

	private Assessments() {
	}

	static AssessmentInput input(List<UUID> items) {
		return new AssessmentInput("synthetic-biology", List.of("BWC-IV", "bwc-x", "1540-OP3"),
				List.of("risk", "governance-need"), 6, 3, 4, "Medium", List.of("Screening of orders by providers"),
				List.of("Guidance for cloud laboratory customers"), "Why we think so.", items);
	}

	static Assessment by(String name, int trl, int likelihood, int impact, String field, List<String> regimes,
			List<String> implications) {
		return new Assessment(DEVELOPMENT, "id-" + name, name, 1, Instant.parse("2026-03-10T09:00:00Z"), field, regimes,
				List.of(), implications, trl, likelihood, impact, "medium", List.of(), List.of(), "", List.of(ITEM));
	}

	static Actor analyst(String name) {
		return new Actor("id-" + name, name, List.of("analyst"));
	}

}
