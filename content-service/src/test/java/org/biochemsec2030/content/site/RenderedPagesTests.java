package org.biochemsec2030.content.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which reads may be served from the kept pages. */
class RenderedPagesTests {

	@ParameterizedTest
	@ValueSource(strings = { "/blog", "/blog/a-post", "/blog/tags/screening", "/micro", "/micro/42", "/pages/about",
			"/feeds/posts.atom", "/feeds/sitemap.xml" })
	void keepsAnonymousReadsOfPublicPages(String path) {
		assertThat(RenderedPages.keepable("GET", path, null, null, null)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "/admin/content", "/api/content/v1/posts", "/blog/media/1", "/actuator/health", "/bloggers" })
	void neverKeepsAnythingElse(String path) {
		assertThat(RenderedPages.keepable("GET", path, null, null, null)).as(path).isFalse();
	}

	@Test
	void neverKeepsASignedInReadOrAWrite() {
		assertThat(RenderedPages.keepable("GET", "/blog", "Bearer x", null, null)).isFalse();
		assertThat(RenderedPages.keepable("GET", "/blog", null, "token", null)).isFalse();
		assertThat(RenderedPages.keepable("GET", "/blog", null, null, "SESSION=1")).isFalse();
		assertThat(RenderedPages.keepable("POST", "/blog", null, null, null)).isFalse();
		assertThat(RenderedPages.keepable("HEAD", "/blog", null, null, null)).isFalse();
	}

	@Test
	void tellsPagesApartByTheirBytes() {
		assertThat(RenderedPages.etag("a".getBytes())).isNotEqualTo(RenderedPages.etag("b".getBytes()))
			.isEqualTo(RenderedPages.etag("a".getBytes()))
			.startsWith("\"")
			.endsWith("\"");
	}

}
