package org.biochemsec2030.publishing.partner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.biochemsec2030.platform.taxonomy.Taxonomy;

/**
 * Which events a subscription wants: by CloudEvents type, and by the regimes and topics
 * the event's subject concerns. An empty set means any; within a set one match is enough,
 * and every set that is given must match (papers on the BWC about genome editing).
 */
record EventFilter(Set<String> types, Set<String> regimes, Set<String> topics) {

	private static final Pattern TYPE = Pattern.compile("org\\.biochemsec2030\\.[a-z]+(\\.[a-z-]+)+\\.v[0-9]+");

	static final EventFilter ANY = new EventFilter(Set.of(), Set.of(), Set.of());

	EventFilter {
		types = Set.copyOf(types);
		regimes = Set.copyOf(regimes);
		topics = Set.copyOf(topics);
	}

	/**
	 * A filter from a partner's request, every value checked: types among those given as
	 * known, regimes and topics from the shared taxonomy. Problems are added, not thrown,
	 * so the partner learns of all of them at once.
	 */
	static EventFilter of(List<String> types, List<String> regimes, List<String> topics, Set<String> knownTypes,
			List<Taxonomy.Problem> problems) {
		Set<String> checkedTypes = new LinkedHashSet<>();
		List<String> givenTypes = (types != null) ? types : List.of();
		for (int i = 0; i < givenTypes.size(); i++) {
			String type = (givenTypes.get(i) != null) ? givenTypes.get(i).strip() : "";
			if (knownTypes.contains(type)) {
				checkedTypes.add(type);
			}
			else {
				String hint = TYPE.matcher(type).matches() ? "no public event has that type"
						: "an event type looks like org.biochemsec2030.publishing.paper.published.v1";
				problems.add(new Taxonomy.Problem("types[" + i + "]", "'" + Taxonomy.shownValue(type) + "': " + hint
						+ "; see GET /api/publishing/partner/v1/event-types for the list"));
			}
		}
		List<String> checkedRegimes = Taxonomy.regimes("regimes", regimes, problems);
		List<String> checkedTopics = Taxonomy.topics("topics", topics, problems);
		return new EventFilter(checkedTypes, new LinkedHashSet<>(checkedRegimes), new LinkedHashSet<>(checkedTopics));
	}

	boolean matches(String type, Collection<String> eventRegimes, Collection<String> eventTopics) {
		return (this.types.isEmpty() || this.types.contains(type)) && overlaps(this.regimes, eventRegimes)
				&& overlaps(this.topics, eventTopics);
	}

	private static boolean overlaps(Set<String> wanted, Collection<String> given) {
		if (wanted.isEmpty()) {
			return true;
		}
		List<String> values = (given != null) ? new ArrayList<>(given) : List.of();
		return values.stream().anyMatch(wanted::contains);
	}

}
