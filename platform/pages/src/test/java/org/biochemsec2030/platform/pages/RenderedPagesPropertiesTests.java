package org.biochemsec2030.platform.pages;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which paths a service keeps, and where it tells its version. */
class RenderedPagesPropertiesTests {

	private final RenderedPagesProperties papers = new RenderedPagesProperties("publishing",
			List.of("/papers", "/meetings"), List.of("/**/*.pdf", "/**/*.zip"), 5000, 2 * 1024 * 1024);

	@Test
	void keepsTheSectionsAndWhatIsUnderThemButNotTheExcludedFiles() {
		assertThat(List.of("/papers", "/papers/a-paper", "/papers/a-paper/v2", "/papers/a-paper/cite.bib",
				"/meetings/msp-2026"))
			.allMatch(this.papers::covers);
		assertThat(List.of("/papers/a-paper/paper.pdf", "/papers/a-paper/v2/paper.pdf", "/meetings/msp/pack.zip",
				"/meetings/msp/pack.pdf", "/paperwork", "/", "/api/publishing/v1/papers"))
			.noneMatch(this.papers::covers);
	}

	@Test
	void keepsALandingPageAloneWhenEverythingUnderItIsExcluded() {
		var network = new RenderedPagesProperties("network", List.of("/network", "/events"),
				List.of("/network/*", "/network/*/**"), 5000, 2 * 1024 * 1024);
		assertThat(List.of("/network", "/events", "/events/a-meeting", "/events/a-meeting.ics"))
			.allMatch(network::covers);
		assertThat(List.of("/network/apply", "/network/me", "/network/me/digests", "/network/members/1",
				"/network/digests/unsubscribe", "/networks"))
			.noneMatch(network::covers);
	}

	@Test
	void keepsOnlyAnonymousReads() {
		assertThat(RenderedPages.keepable(this.papers, "GET", "/papers", null, null, null)).isTrue();
		assertThat(RenderedPages.keepable(this.papers, "GET", "/papers", "Bearer x", null, null)).isFalse();
		assertThat(RenderedPages.keepable(this.papers, "GET", "/papers", null, "token", null)).isFalse();
		assertThat(RenderedPages.keepable(this.papers, "GET", "/papers", null, null, "SESSION=1")).isFalse();
		assertThat(RenderedPages.keepable(this.papers, "POST", "/papers", null, null, null)).isFalse();
	}

	@Test
	void tellsItsVersionUnderItsOwnApi() {
		assertThat(this.papers.versionPath()).isEqualTo("/api/publishing/v1/site-version");
	}

}
