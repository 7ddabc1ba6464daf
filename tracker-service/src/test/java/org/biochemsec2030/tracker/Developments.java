package org.biochemsec2030.tracker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.tracker.development.DevelopmentService;
import org.biochemsec2030.tracker.development.DevelopmentView;
import org.biochemsec2030.tracker.development.PromoteRequest;
import org.biochemsec2030.tracker.item.FeedEntry;
import org.biochemsec2030.tracker.item.ItemService;
import org.biochemsec2030.tracker.item.ItemView;
import org.biochemsec2030.tracker.item.QueueFilter;
import org.biochemsec2030.tracker.item.Reporter;
import org.biochemsec2030.tracker.source.SourceHealth;
import org.biochemsec2030.tracker.source.SourceInput;
import org.biochemsec2030.tracker.source.SourceService;

import org.springframework.stereotype.Component;

/**
 * Developments made the way analysts make them (a source's entries ingested, then
 * promoted), without a site to poll: each test names articles no other test uses, since
 * items are de-duplicated across the whole shared database.
 */
@Component
public class Developments {

	private static final Actor DESK = new Actor("fixture-analyst", "fixture", List.of("analyst"));

	private final SourceService sources;

	private final ItemService items;

	private final DevelopmentService developments;

	Developments(SourceService sources, ItemService items, DevelopmentService developments) {
		this.sources = sources;
		this.items = items;
		this.developments = developments;
	}

	/** A development gathering one item per title, each with its summary. */
	public DevelopmentView of(String... titlesAndSummaries) {
		return reportedAt(Instant.parse("2026-03-10T08:00:00Z"), titlesAndSummaries);
	}

	/**
	 * The same, its items published by their source at {@code at} and in the hours
	 * before.
	 */
	public DevelopmentView reportedAt(Instant at, String... titlesAndSummaries) {
		String key = UUID.randomUUID().toString().substring(0, 8);
		SourceHealth source = this.sources
			.add(new SourceInput("Fixture source " + key, "https://fixture-" + key + ".example/feed.xml", null), DESK);
		Instant now = at;
		List<FeedEntry> entries = new ArrayList<>();
		for (int i = 0; i < titlesAndSummaries.length; i += 2) {
			entries.add(new FeedEntry(null, "https://fixture-" + key + ".example/articles/" + i, titlesAndSummaries[i],
					titlesAndSummaries[i + 1], now.minusSeconds(3600L * i)));
		}
		this.items.ingest(new Reporter(source.id(), source.name(), source.url()), entries, now);
		List<UUID> ids = this.items.queue(QueueFilter.of("all", false, null, null, source.id(), null, 0, 100))
			.stream()
			.map(ItemView::id)
			.toList();
		return this.developments.promote(new PromoteRequest(ids, null, null), DESK);
	}

}
