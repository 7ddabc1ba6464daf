package org.biochemsec2030.tracker.demo;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.biochemsec2030.platform.test.RealEngines;
import org.biochemsec2030.tracker.Api;
import org.biochemsec2030.tracker.item.ItemService;
import org.biochemsec2030.tracker.item.ItemView;
import org.biochemsec2030.tracker.source.SourceHealth;
import org.biochemsec2030.tracker.source.SourceInput;
import org.biochemsec2030.tracker.source.SourceService;
import org.biochemsec2030.tracker.support.InvalidInput;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo data as a suite started with {@code BCS_DEMO=true} loads it, against the real
 * engines: the demo sources are this service's own feeds, read without any network
 * allowed besides the public internet (no loopback allowance here, unlike the other
 * tests), so the exact-address exception is what lets them in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bcs.test.identity=true", "bcs.tracker.poller.enabled=false", "bcs.tracker.demo=true",
				"bcs.events.relay.poll-interval=200ms" })
@RealEngines
class DemoTrackerIT {

	@LocalServerPort
	int port;

	@Autowired
	DemoTracker demo;

	@Autowired
	SourceService sources;

	@Autowired
	ItemService items;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loadsAtStartFromItsOwnFeedsAndOnlyOnce() {
		// Loaded by the start-up listener (or by an earlier start on the same database).
		assertThat(this.demo.present()).isTrue();
		List<SourceHealth> demoSources = this.sources.health()
			.stream()
			.filter(source -> source.url().contains("/tracker/demo/feeds/"))
			.toList();
		assertThat(demoSources).hasSize(3);
		assertThat(demoSources).allSatisfy(source -> {
			assertThat(source.lastStatus()).isEqualTo("200");
			assertThat(source.itemsSeen()).isPositive();
		});
		Map<String, Long> before = counts();
		assertThat(before.get("developments")).isEqualTo(DemoDevelopments.ALL.size());

		this.demo.load();

		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void mergesTheSameArticleFromSeveralSources() {
		ItemView printers = demoItem("benchtop-printers-5kb");
		// Three sources: the wire (first), the journal under another address with the
		// DOI, the digest with tracking parameters on the wire's address.
		assertThat(printers.reports()).hasSize(3);
		assertThat(printers.reports()).extracting(ItemView.Report::matchedBy).contains("url", "doi");
		assertThat(printers.doi()).isEqualTo("10.5555/demo.2025.0211");
		ItemView binders = demoItem("protein-model-toxin-binders");
		assertThat(binders.reports()).extracting(ItemView.Report::matchedBy).contains("title");
		ItemView kits = demoItem("demo.2026.0217");
		assertThat(kits.reports()).extracting(ItemView.Report::matchedBy).contains("doi");
		// The erratum looks like the printers' article but is its own item.
		assertThat(demoItem("demo.2025.0401").id()).isNotEqualTo(printers.id());
	}

	@Test
	void trendsHaveCountsInSeveralQuarters() {
		JsonNode fields = Api.anonymous(this.port).get("/tracker/trends/fields-by-quarter.json").json();
		List<String> columns = StreamSupport.stream(fields.get("columns").spliterator(), false)
			.map(JsonNode::asString)
			.toList();
		long quartersWithDemo = List
			.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4")
			.stream()
			.filter(quarter -> columns.contains(quarter) && total(fields, columns.indexOf(quarter)) > 0)
			.count();
		assertThat(quartersWithDemo).isEqualTo(8);
		assertThat(Api.anonymous(this.port).page("/tracker/trends").status()).isEqualTo(200);
	}

	@Test
	void keepsTheHazardousDetailOffThePublicPage() {
		String slug = this.jdbc.sql("select slug from development where summary = :summary")
			.param("summary", DemoDevelopments.HAZARD_DETAIL)
			.query(String.class)
			.single();
		Api.Answer page = Api.anonymous(this.port).page("/tracker/" + slug);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("its technical detail is kept internal")
			.doesNotContain(DemoDevelopments.HAZARD_DETAIL)
			.doesNotContain(DemoDevelopments.HAZARD_RATIONALE)
			.doesNotContain("Internal:")
			.doesNotContain("toxin-binding proteins")
			.doesNotContain("Access controls on design models");
		Api.Answer api = Api.anonymous(this.port).get("/api/tracker/v1/developments/" + slug);
		assertThat(api.status()).isEqualTo(200);
		assertThat(api.body()).doesNotContain("Internal").doesNotContain("wire.example");
	}

	@Test
	void admitsExactlyItsOwnFeedsAndNoOtherLoopbackAddress() {
		for (String address : List.of("http://127.0.0.1:" + this.port + "/actuator/health",
				"http://127.0.0.1:" + (this.port + 1) + "/tracker/demo/feeds/science-wire.xml",
				"http://127.0.0.1:" + this.port + "/tracker/demo/feeds/science-wire.xml?x=1",
				"http://localhost:" + this.port + "/tracker/demo/feeds/science-wire.xml",
				"http://127.0.0.2:" + this.port + "/tracker/demo/feeds/science-wire.xml")) {
			assertThatThrownBy(
					() -> this.sources.add(new SourceInput("Not ours", address, null), DemoTracker.ANALYSTS.get(0)))
				.as(address)
				.isInstanceOf(InvalidInput.class);
		}
	}

	private ItemView demoItem(String key) {
		return this.items.all()
			.stream()
			.filter(item -> item.url().contains(key)
					|| item.reports().stream().anyMatch(report -> report.url().contains(key)))
			.findFirst()
			.orElseThrow();
	}

	private static int total(JsonNode series, int column) {
		int total = 0;
		for (JsonNode row : series.get("rows")) {
			total += row.get("counts").get(column).asInt();
		}
		return total;
	}

	private Map<String, Long> counts() {
		return Map.of("sources", count("select count(*) from source where url like '%/tracker/demo/feeds/%'"), "items",
				count("select count(distinct r.item_id) from item_report r join source s on s.id = r.source_id"
						+ " where s.url like '%/tracker/demo/feeds/%'"),
				"developments", count("select count(*) from development where created_by like 'demo-data:%'"));
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
