package org.biochemsec2030.gateway.home;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SourceTests {

	private static final URI SERVICE = URI.create("http://content:8081/");

	@ParameterizedTest
	@ValueSource(strings = { "/blog/first-meeting-report", "/micro/42", "/papers/bwc-2026-1?v=2", "/" })
	void linksPathsOfThisSite(String url) {
		assertThat(Source.sitePath(url)).isEqualTo(url);
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "//elsewhere.example/x", "/\\elsewhere.example",
			"https://x.example/", "blog/relative", "/with space", "" })
	void refusesAnythingElse(String url) {
		assertThat(Source.sitePath(url)).isNull();
	}

	@Test
	void readsTheApiOfItsService() {
		Source source = source(Source.Kind.ARTICLE);
		assertThat(source.api()).isEqualTo(URI.create("http://content:8081/api/content/v1/posts?size=5"));
	}

	@Test
	void showsMiniPostsByTheirTextAndMeetingsByTimeAndPlace() {
		HomeSection micro = source(Source.Kind.MICRO).from(list(new PublicList.Item(null, "Slides are online.",
				"/micro/12", "ignored", Instant.parse("2026-11-21T16:00:00Z"), null, null)));
		assertThat(micro.entries()).containsExactly(new HomeSection.Entry("Slides are online.", "/micro/12", null,
				"2026-11-21T16:00:00Z", "21 November 2026", null));

		HomeSection meetings = source(Source.Kind.MEETING).from(list(new PublicList.Item("Second meeting", null,
				"/events/second", null, Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2027-01-20T13:00:00Z"),
				"University of Bath")));
		assertThat(meetings.entries()).containsExactly(new HomeSection.Entry("Second meeting", "/events/second", null,
				"2027-01-20T13:00:00Z", "20 January 2027, 13:00 UTC", "University of Bath"));
	}

	@Test
	void treatsAListWithoutUsableItemsAsEmpty() {
		HomeSection section = source(Source.Kind.ARTICLE)
			.from(list(new PublicList.Item(" ", null, "/blog/x", null, null, null, null), null));
		assertThat(section.state()).isEqualTo(HomeSection.State.EMPTY);
		assertThat(section.message()).isEqualTo("Nothing yet.");
		assertThat(source(Source.Kind.ARTICLE).from(new PublicList(null, 0, 5, 0)).state())
			.isEqualTo(HomeSection.State.EMPTY);
	}

	private static Source source(Source.Kind kind) {
		return Source.of("posts", "Latest posts", SERVICE, "/api/content/v1/posts?size=5", "/blog", "All posts",
				"Nothing yet.", "Unavailable.", kind);
	}

	private static PublicList list(PublicList.Item... items) {
		List<PublicList.Item> all = Arrays.asList(items);
		return new PublicList(all, 0, 5, all.size());
	}

}
