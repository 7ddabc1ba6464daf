package org.biochemsec2030.publishing.partner;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.biochemsec2030.contracts.EventType;
import org.biochemsec2030.contracts.tracker.TrackerEvents;
import org.biochemsec2030.contracts.tracker.WatchlistMatched;
import org.biochemsec2030.platform.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose a watchlist alert is, and what a partner receives of it: the contract's golden
 * sample, as tracker-service writes it, read here.
 */
class WatchlistAlertTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final UUID PARTNER = UUID.fromString("0f6c2d4e-8a1b-4c3d-9e5f-a7b8c9d0e1f2");

	@Test
	void aPartnersAlertIsForThatPartnerAlone() {
		WatchlistAlert alert = WatchlistAlert.of(alert("partner", PARTNER.toString())).orElseThrow();
		assertThat(alert.partner()).isEqualTo(PARTNER);
	}

	@Test
	void aMembersAlertIsNoPartners() {
		assertThat(WatchlistAlert.of(alert("member", PARTNER.toString()))).isEmpty();
	}

	@Test
	void anOwnerThatIsNoPartnerIdOfOursIsNoOne() {
		assertThat(WatchlistAlert.of(alert("partner", "partner-demo"))).isEmpty();
		assertThat(WatchlistAlert.of(alert("partner", null))).isEmpty();
		assertThat(WatchlistAlert.of(alert("organisation", PARTNER.toString()))).isEmpty();
		assertThat(WatchlistAlert.of(alert(null, PARTNER.toString()))).isEmpty();
	}

	@Test
	void subscriptionFiltersMatchAnAlertByItsFieldsAsTopicsAndItsRegimes() {
		WatchlistAlert alert = WatchlistAlert.of(alert("partner", PARTNER.toString())).orElseThrow();
		List<Taxonomy.Problem> problems = new ArrayList<>();
		EventFilter byTopic = EventFilter.of(List.of(), List.of(), List.of("genome-editing"),
				PartnerEndpoints.PUBLIC_TYPES, problems);
		EventFilter otherTopic = EventFilter.of(List.of(), List.of(), List.of("ai-enabled-design"),
				PartnerEndpoints.PUBLIC_TYPES, problems);
		EventFilter otherRegime = EventFilter.of(List.of(), List.of("CWC"), List.of(), PartnerEndpoints.PUBLIC_TYPES,
				problems);
		assertThat(problems).isEmpty();
		assertThat(byTopic.matches(WatchlistMatched.TYPE, alert.regimes(), alert.topics())).isTrue();
		assertThat(otherTopic.matches(WatchlistMatched.TYPE, alert.regimes(), alert.topics())).isFalse();
		assertThat(otherRegime.matches(WatchlistMatched.TYPE, alert.regimes(), alert.topics())).isFalse();
	}

	@Test
	void aPartnerMaySubscribeToAlertsOrFilterThemOutLikeAnyOtherType() {
		List<Taxonomy.Problem> problems = new ArrayList<>();
		EventFilter alertsOnly = EventFilter.of(List.of(WatchlistMatched.TYPE), List.of(), List.of(),
				PartnerEndpoints.PUBLIC_TYPES, problems);
		EventFilter papersOnly = EventFilter.of(List.of("org.biochemsec2030.publishing.paper.published.v1"), List.of(),
				List.of(), PartnerEndpoints.PUBLIC_TYPES, problems);
		assertThat(problems).isEmpty();
		assertThat(alertsOnly.matches(WatchlistMatched.TYPE, List.of(), List.of())).isTrue();
		assertThat(papersOnly.matches(WatchlistMatched.TYPE, List.of(), List.of())).isFalse();
	}

	@Test
	void readsTheContractsGoldenSampleAndPassesOnExactlyItsFields() throws IOException {
		EventType type = TrackerEvents.ALL.stream()
			.filter(t -> t.type().equals(WatchlistMatched.TYPE))
			.findFirst()
			.orElseThrow();
		JsonNode golden;
		try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.goldenResource())) {
			golden = JSON.readTree(in.readAllBytes());
		}
		WatchlistMatched matched = JSON.treeToValue(golden, WatchlistMatched.class);
		assertThat(matched.ownerKind()).isEqualTo("member");
		assertThat(matched.watchlistId()).isEqualTo("9b2f4c1e-6d3a-4f7b-8e5c-0a1d2b3c4e5f");
		assertThat(matched.fields()).containsExactly("ai-enabled-design");
		assertThat(matched.regimes()).containsExactly("BWC");
		assertThat(matched.publishedAt()).isEqualTo(Instant.parse("2026-12-02T16:45:00Z"));
		// The sample is a member's alert: none of partners' business.
		assertThat(WatchlistAlert.of(matched)).isEmpty();
		// The data a partner is sent is the record as read: the sample, no more, no less.
		JsonNode sent = JSON.valueToTree(matched);
		assertThat(sent).isEqualTo(golden);
	}

	private static WatchlistMatched alert(String ownerKind, String ownerId) {
		return new WatchlistMatched(UUID.randomUUID().toString(), ownerKind, ownerId, UUID.randomUUID().toString(),
				"Benchtop synthesis reaches new lengths", "Longer sequences from desktop machines.",
				"/tracker/benchtop-synthesis", List.of("genome-editing", "synthetic-biology"), List.of("BWC"),
				Instant.parse("2026-12-02T16:45:00Z"));
	}

}
