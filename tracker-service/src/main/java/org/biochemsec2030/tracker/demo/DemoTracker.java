package org.biochemsec2030.tracker.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.tracker.assessment.AssessmentInput;
import org.biochemsec2030.tracker.assessment.AssessmentService;
import org.biochemsec2030.tracker.demo.DemoDevelopments.Judgement;
import org.biochemsec2030.tracker.demo.DemoDevelopments.Planned;
import org.biochemsec2030.tracker.development.DevelopmentInput;
import org.biochemsec2030.tracker.development.DevelopmentService;
import org.biochemsec2030.tracker.development.DevelopmentView;
import org.biochemsec2030.tracker.development.PromoteRequest;
import org.biochemsec2030.tracker.item.ItemService;
import org.biochemsec2030.tracker.item.ItemView;
import org.biochemsec2030.tracker.publication.PublicationService;
import org.biochemsec2030.tracker.source.OwnFeeds;
import org.biochemsec2030.tracker.source.PollOutcome;
import org.biochemsec2030.tracker.source.SourceHealth;
import org.biochemsec2030.tracker.source.SourceInput;
import org.biochemsec2030.tracker.source.SourceService;
import org.biochemsec2030.tracker.support.TrackerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data for {@code BCS_DEMO=true}: three sources that are this service's own demo
 * feeds (RSS 2.0, Atom, JSON Feed), polled as any source is, so their entries go through
 * the same address rules, parsing and de-duplication; then developments gathered from
 * those items, assessed by two or three analysts who do not always agree, and published,
 * one of them behind the information-hazard flag with a reviewed public summary. The
 * items' dates in the feeds spread the developments over two years of quarters, so the
 * trends page has shape. Loaded once: nothing is added when a demo source exists.
 */
@Component
class DemoTracker {

	private static final Logger log = LoggerFactory.getLogger(DemoTracker.class);

	/** The demo's analysts; the hazard review needs a second one. */
	static final List<Actor> ANALYSTS = List.of(
			new Actor("demo-data:analyst-amara", "Amara (demo)", List.of("analyst")),
			new Actor("demo-data:analyst-jonas", "Jonas (demo)", List.of("analyst")),
			new Actor("demo-data:analyst-lena", "Lena (demo)", List.of("analyst")));

	static final List<SourceInput> SOURCES = List.of(new SourceInput("Demo Science Wire", "science-wire.xml", 60),
			new SourceInput("Demo Journal Alerts", "journal-alerts.xml", 60),
			new SourceInput("Demo Policy Digest", "policy-digest.json", 60));

	private final TrackerProperties properties;

	private final OwnFeeds feeds;

	private final SourceService sources;

	private final ItemService items;

	private final DevelopmentService developments;

	private final AssessmentService assessments;

	private final PublicationService publications;

	private final JdbcClient jdbc;

	DemoTracker(TrackerProperties properties, OwnFeeds feeds, SourceService sources, ItemService items,
			DevelopmentService developments, AssessmentService assessments, PublicationService publications,
			JdbcClient jdbc) {
		this.properties = properties;
		this.feeds = feeds;
		this.sources = sources;
		this.items = items;
		this.developments = developments;
		this.assessments = assessments;
		this.publications = publications;
		this.jdbc = jdbc;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (!this.properties.demo() || present()) {
			return;
		}
		try {
			loadAll();
		}
		catch (RuntimeException ex) {
			// Demo data is a convenience: a suite that could not load it still starts.
			log.warn("Could not load the tracker's demo data: {}", ex.getMessage(), ex);
		}
	}

	/** Whether the demo sources were added already (by this replica or another). */
	boolean present() {
		return this.jdbc.sql("select count(*) from source where url like :path")
			.param("path", "%" + OwnFeeds.PATH + "%")
			.query(Long.class)
			.single() > 0;
	}

	/** Every demo item (the caller has checked that none is there yet). */
	void loadAll() {
		Actor desk = ANALYSTS.get(0);
		for (SourceInput source : SOURCES) {
			String address = this.feeds.address(source.url())
				.orElseThrow(() -> new IllegalStateException("the demo feeds are served only with demo data on"));
			SourceHealth added = this.sources.add(new SourceInput(source.name(), address, source.pollEveryMinutes()),
					desk);
			PollOutcome outcome = this.sources.pollNow(added.id());
			if (outcome.error() != null) {
				throw new IllegalStateException(source.name() + " could not be read: " + outcome.error());
			}
		}
		List<ItemView> all = this.items.all();
		int published = 0;
		for (Planned planned : DemoDevelopments.ALL) {
			List<UUID> ids = new ArrayList<>();
			for (String key : planned.keys()) {
				find(all, key).ifPresent(item -> ids.add(item.id()));
			}
			if (ids.isEmpty()) {
				log.warn("No demo item for '{}'", planned.title());
				continue;
			}
			DevelopmentView development = this.developments.promote(new PromoteRequest(ids, null, planned.title()),
					desk);
			this.developments.update(development.id(), new DevelopmentInput(planned.title(), planned.summary()));
			for (Judgement judgement : planned.judgements()) {
				this.assessments.record(development.id(),
						new AssessmentInput(judgement.field(), judgement.provisions(), judgement.implications(),
								judgement.trl(), judgement.likelihood(), judgement.impact(), judgement.confidence(),
								judgement.hardMeasures(), judgement.softMeasures(), judgement.rationale(), ids),
						ANALYSTS.get(judgement.analyst()));
			}
			if (planned.hazard()) {
				this.publications.setHazard(development.id(), true, desk);
			}
			this.publications.writePublicSummary(development.id(), planned.publicSummary(), desk);
			if (planned.hazard()) {
				this.publications.review(development.id(), ANALYSTS.get(1));
			}
			this.publications.publish(development.id(), desk);
			published++;
		}
		log.info("Loaded the tracker's demo data: {} sources, {} items, {} published developments", SOURCES.size(),
				all.size(), published);
	}

	/** The demo item one of whose reports has this in its address. */
	private static Optional<ItemView> find(List<ItemView> all, String key) {
		return all.stream()
			.filter(item -> item.url().contains(key)
					|| item.reports().stream().anyMatch(report -> report.url().contains(key)))
			.findFirst();
	}

}
