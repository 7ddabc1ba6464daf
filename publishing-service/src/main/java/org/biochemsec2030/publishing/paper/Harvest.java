package org.biochemsec2030.publishing.paper;

import java.time.Instant;
import java.util.List;

/** A page of public papers for harvesters (OAI-PMH) and how many match in all. */
public record Harvest(List<Item> items, int total) {

	/** A paper's latest public version and its datestamp (publication or withdrawal). */
	public record Item(PaperView paper, Instant datestamp) {

	}

}
