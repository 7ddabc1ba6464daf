package org.biochemsec2030.tracker.watchlist;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WatchlistTests {

	private static Watchlist watching(List<String> fields, List<String> regimes) {
		return new Watchlist(UUID.randomUUID(), "member", "m", fields, regimes, Instant.EPOCH);
	}

	@Test
	void aWatchlistOfFieldsAloneMatchesAnyDevelopmentInOneOfThem() {
		Watchlist fields = watching(List.of("genome-editing", "synthetic-biology"), List.of());
		assertThat(fields.matches(List.of("synthetic-biology"), List.of("CWC"))).isTrue();
		assertThat(fields.matches(List.of("chemical-synthesis"), List.of("BWC"))).isFalse();
	}

	@Test
	void aWatchlistOfFieldsAndRegimesMatchesOnlyWhenBothDo() {
		Watchlist both = watching(List.of("genome-editing"), List.of("BWC"));
		assertThat(both.matches(List.of("genome-editing"), List.of("BWC", "1540"))).isTrue();
		assertThat(both.matches(List.of("genome-editing"), List.of("1540"))).isFalse();
		assertThat(both.matches(List.of("delivery-systems"), List.of("BWC"))).isFalse();
	}

	@Test
	void anEmptyWatchlistMatchesNothing() {
		assertThat(watching(List.of(), List.of()).matches(List.of("genome-editing"), List.of("BWC"))).isFalse();
	}

}
