package org.biochemsec2030.tracker.triage;

import java.time.Instant;
import java.util.List;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.test.RealEngines;
import org.biochemsec2030.tracker.development.DevelopmentService;
import org.biochemsec2030.tracker.development.DevelopmentView;
import org.biochemsec2030.tracker.development.PromoteRequest;
import org.biochemsec2030.tracker.item.ItemService;
import org.biochemsec2030.tracker.item.ItemView;
import org.biochemsec2030.tracker.item.QueueFilter;
import org.biochemsec2030.tracker.source.SourceHealth;
import org.biochemsec2030.tracker.source.SourceInput;
import org.biochemsec2030.tracker.source.SourceService;
import org.biochemsec2030.tracker.source.TestFeeds;
import org.biochemsec2030.tracker.support.InvalidInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rules at ingest and re-run, the queue, an analyst's decision, promotion into a
 * development: against real PostgreSQL with a feed served on loopback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bcs.tracker.poller.enabled=false", TestFeeds.LOOPBACK })
@RealEngines
class TriageIT {

	private static final Actor ANALYST = new Actor("analyst-2", "ben", List.of("analyst"));

	private static TestFeeds feeds;

	@Autowired
	private RuleService rules;

	@Autowired
	private ItemService items;

	@Autowired
	private SourceService sources;

	@Autowired
	private DevelopmentService developments;

	@BeforeAll
	static void start() {
		feeds = TestFeeds.start();
	}

	@AfterAll
	static void stop() {
		feeds.close();
	}

	@Test
	void rulesJudgeItemsAtIngestAndAgainOnRequestAndPromotionGathersThem() {
		this.rules.add(
				new RuleInput("Gain of function", "title", "regex", "gain[- ]of[- ]function", "flag", null, null),
				ANALYST);
		this.rules.add(new RuleInput("Dual use tag", "title", "regex", "gain[- ]of[- ]function", "tag",
				"dual-use-research", null), ANALYST);
		this.rules.add(new RuleInput("Sponsored", "title", "keyword", "sponsored", "dismiss", null, null), ANALYST);
		this.rules.add(new RuleInput("Wire", "source", "keyword", "Triage Fixture Wire", "tag", "wire", null), ANALYST);
		SourceHealth wire = this.sources.add(new SourceInput("Triage Fixture Wire", feeds.url("/triage.xml"), null),
				ANALYST);
		Instant now = Instant.parse("2026-03-06T08:00:00Z");
		assertThat(this.sources.pollNow(wire.id(), now).ingest().newItems()).isEqualTo(4);

		ItemView gof = item("Gain-of-function study probes avian influenza transmissibility in ferrets");
		ItemView webinar = item("Sponsored: laboratory freezer webinar for facility managers");
		ItemView explainer = item("Sponsored: a gain of function policy explainer for funders");
		ItemView milestone = item("Chemical weapons destruction facility reaches milestone");
		assertThat(gof.flagged()).isTrue();
		assertThat(gof.tags()).containsExactly("dual-use-research", "wire");
		assertThat(gof.status()).isEqualTo("new");
		assertThat(webinar.status()).isEqualTo("dismissed");
		assertThat(webinar.matchedRules()).containsExactly("Sponsored", "Wire");
		assertThat(explainer.status()).as("a flag outweighs a dismissal").isEqualTo("new");
		assertThat(explainer.flagged()).isTrue();
		assertThat(milestone.topics()).isEmpty();

		List<ItemView> flaggedQueue = this.items
			.queue(new QueueFilter("new", true, null, null, wire.id(), null, 0, 50));
		assertThat(flaggedQueue).extracting(ItemView::id).containsExactlyInAnyOrder(gof.id(), explainer.id());
		assertThat(this.items.queue(new QueueFilter(null, false, "wire", null, wire.id(), "FREEZER", 0, 50)))
			.extracting(ItemView::id)
			.containsExactly(webinar.id());

		// A new rule reaches items already stored when the rules run again, but never
		// overrides an analyst's decision.
		this.items.decide(explainer.id(), true, ANALYST.id(), now);
		this.rules.add(new RuleInput("Verification", "summary", "keyword", "verification", "topic",
				"detection-verification", null), ANALYST);
		this.rules.add(new RuleInput("Explainers", "title", "keyword", "explainer", "tag", "explainer", null), ANALYST);
		assertThat(this.items.reclassify()).isGreaterThanOrEqualTo(3);
		assertThat(item(milestone.title()).topics()).containsExactly("detection-verification");
		ItemView decided = item(explainer.title());
		assertThat(decided.status()).isEqualTo("dismissed");
		assertThat(decided.tags()).doesNotContain("explainer");

		DevelopmentView development = this.developments
			.promote(new PromoteRequest(List.of(gof.id(), milestone.id()), null, null), ANALYST);
		assertThat(development.title()).isEqualTo(gof.title());
		assertThat(development.slug()).startsWith("gain-of-function-study-probes-avian-influenza");
		assertThat(development.itemIds()).containsExactlyInAnyOrder(gof.id(), milestone.id());
		assertThat(item(gof.title()).status()).isEqualTo("promoted");

		DevelopmentView grown = this.developments
			.promote(new PromoteRequest(List.of(webinar.id()), development.id(), null), ANALYST);
		assertThat(grown.itemIds()).containsExactlyInAnyOrder(gof.id(), milestone.id(), webinar.id());
		assertThatThrownBy(
				() -> this.developments.promote(new PromoteRequest(List.of(gof.id()), null, "Again"), ANALYST))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("part of a development already");
		assertThatThrownBy(() -> this.items.decide(gof.id(), true, ANALYST.id(), now)).isInstanceOf(InvalidInput.class);
	}

	@Test
	void refusesRulesThatCannotWorkWithAMessagePerField() {
		assertThatThrownBy(
				() -> this.rules.add(new RuleInput("", "body", "glob", "(a+)+$", "topic", "virology", null), ANALYST))
			.isInstanceOfSatisfying(InvalidInput.class,
					ex -> assertThat(ex.problems()).extracting(InvalidInput.FieldProblem::field)
						.containsExactlyInAnyOrder("name", "field", "kind", "value"));
		assertThatThrownBy(
				() -> this.rules.add(new RuleInput("Runaway", "title", "regex", ".*.*zq", "flag", null, null), ANALYST))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.problems()).singleElement()
				.satisfies(problem -> assertThat(problem.message()).contains("too long")));
	}

	private ItemView item(String title) {
		return this.items.all()
			.stream()
			.filter(item -> item.title().equals(title))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no item " + title));
	}

}
