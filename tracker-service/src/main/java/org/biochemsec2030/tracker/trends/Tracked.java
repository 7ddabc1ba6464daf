package org.biochemsec2030.tracker.trends;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A published development as trends count it: what the analysts' current assessments say
 * of it, taken together. Analysts may disagree, so each part is a set: a development two
 * analysts place in different fields counts once in each, as the public page shows both.
 *
 * @param reportedAt when a source first reported it (the earliest of its items): the
 * quarter it belongs to is when it appeared, not when an analyst got to it
 * @param fields topic slugs
 * @param regimes regime codes
 * @param trls every analyst's TRL
 */
record Tracked(UUID id, Instant reportedAt, Set<String> fields, Set<String> regimes, Set<Integer> trls) {

	Tracked {
		fields = Set.copyOf(fields);
		regimes = Set.copyOf(regimes);
		trls = Set.copyOf(trls);
	}

}
