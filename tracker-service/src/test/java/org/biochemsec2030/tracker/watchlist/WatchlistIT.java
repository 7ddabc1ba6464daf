package org.biochemsec2030.tracker.watchlist;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.contracts.tracker.WatchlistMatched;
import org.biochemsec2030.tracker.Analysis;
import org.biochemsec2030.tracker.Api;
import org.biochemsec2030.tracker.Developments;
import org.biochemsec2030.tracker.TrackerServiceTest;
import org.biochemsec2030.tracker.development.DevelopmentView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watchlists through the API, and the alerts a publication sends: one
 * {@code watchlist.matched} per matching watchlist on {@code bcs.tracker}, through the
 * outbox, never on {@code bcs.public}. The partners here are made up for this test, so
 * their alerts are theirs alone.
 */
@TrackerServiceTest
@Import(Developments.class)
class WatchlistIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Developments developments;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPublicationAlertsTheWatchlistsItMatches() {
		Api analyst = new Api(this.port, "analyst");
		Api member = new Api(this.port, "member");
		String watching = "partner-" + UUID.randomUUID();
		String elsewhere = "partner-" + UUID.randomUUID();

		Api.Answer wrong = member.put("/api/tracker/v1/me/watchlist",
				Map.of("fields", List.of("virology"), "regimes", List.of("NPT")));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("fields").contains("regimes");
		Api.Answer mine = member.put("/api/tracker/v1/me/watchlist",
				Map.of("fields", List.of("delivery-systems"), "regimes", List.of("bwc")));
		assertThat(mine.status()).as(mine.body()).isEqualTo(200);
		assertThat(mine.json().path("regimes").get(0).asString()).isEqualTo("BWC");
		assertThat(member.get("/api/tracker/v1/me/watchlist").json().path("fields").get(0).asString())
			.isEqualTo("delivery-systems");
		assertThat(Api.anonymous(this.port).get("/api/tracker/v1/me/watchlist").status()).isEqualTo(401);

		assertThat(analyst
			.put("/api/tracker/v1/analysis/watchlists/partners/" + watching,
					Map.of("fields", List.of(), "regimes", List.of("CWC")))
			.status()).isEqualTo(200);
		assertThat(analyst
			.put("/api/tracker/v1/analysis/watchlists/partners/" + elsewhere,
					Map.of("fields", List.of("genome-editing"), "regimes", List.of()))
			.status()).isEqualTo(200);
		assertThat(member.put("/api/tracker/v1/analysis/watchlists/partners/" + watching, Map.of()).status())
			.isEqualTo(403);

		DevelopmentView development = this.developments.reportedAt(Instant.parse("2026-05-05T09:00:00Z"),
				"Watchlist fixture: aerosol delivery of a chemical agent simulant modelled at city scale",
				"A modelling study.");
		Analysis.assess(analyst, development, 5, "delivery-systems", List.of("CWC-VI", "BWC-IV"), "Modelled.");
		Analysis.publish(analyst, development, "City-scale modelling of aerosol delivery.");

		List<JsonNode> alerts = this.jdbc.sql("""
				select topic, data from event_outbox where type = :type and data like :development order by id""")
			.param("type", WatchlistMatched.TYPE)
			.param("development", "%" + development.id() + "%")
			.query((rs, n) -> {
				assertThat(rs.getString("topic")).isEqualTo("bcs.tracker");
				return JSON.readTree(rs.getString("data"));
			})
			.list();
		assertThat(alerts).extracting(alert -> alert.path("ownerId").asString())
			.contains(watching)
			.doesNotContain(elsewhere);
		JsonNode partner = alerts.stream()
			.filter(alert -> alert.path("ownerId").asString().equals(watching))
			.findFirst()
			.orElseThrow();
		assertThat(partner.path("ownerKind").asString()).isEqualTo("partner");
		assertThat(partner.path("url").asString()).isEqualTo("/tracker/" + development.slug());
		assertThat(partner.path("summary").asString()).isEqualTo("City-scale modelling of aerosol delivery.");
		assertThat(partner.path("regimes").valueStream().map(JsonNode::asString)).containsExactly("CWC");
		assertThat(partner.path("fields").size()).isZero();
		JsonNode members = alerts.stream()
			.filter(alert -> alert.path("ownerKind").asString().equals("member"))
			.findFirst()
			.orElseThrow();
		assertThat(members.path("fields").valueStream().map(JsonNode::asString)).containsExactly("delivery-systems");
		assertThat(members.path("regimes").valueStream().map(JsonNode::asString)).containsExactly("BWC");
	}

}
