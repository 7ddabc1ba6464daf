package org.biochemsec2030.tracker.item;

import java.util.List;

/**
 * What the triage rules made of an item.
 *
 * @param rules names of the rules that matched, in order
 */
public record Verdict(List<String> tags, List<String> topics, boolean dismissed, boolean flagged, List<String> rules) {

	public static final Verdict NONE = new Verdict(List.of(), List.of(), false, false, List.of());

	public Verdict {
		tags = List.copyOf(tags);
		topics = List.copyOf(topics);
		rules = List.copyOf(rules);
	}

}
