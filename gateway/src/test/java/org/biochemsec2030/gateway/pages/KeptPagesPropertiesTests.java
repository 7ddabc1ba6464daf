package org.biochemsec2030.gateway.pages;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which paths the gateway keeps, and which writes change them. */
class KeptPagesPropertiesTests {

	private final KeptPagesProperties properties = new KeptPagesProperties(true,
			List.of("/blog", "/micro", "/pages", "/feeds"), List.of("/api/content", "/admin/content"),
			URI.create("http://content-service:8081/api/content/v1/site-version"), Duration.ofMillis(200), 5000,
			2 * 1024 * 1024);

	@Test
	void keepsThePublicSectionsAndWhatIsUnderThem() {
		assertThat(List.of("/blog", "/blog/a-post", "/micro/42", "/pages/about", "/feeds/posts.atom"))
			.allMatch(this.properties::covers);
		assertThat(List.of("/bloggers", "/blog/media/1", "/papers/p", "/", "/search", "/api/content/v1/posts"))
			.noneMatch(this.properties::covers);
	}

	@Test
	void countsWritesToTheOwningServicesApiAndAdminTool() {
		assertThat(List.of("/api/content/v1/posts", "/admin/content/posts/1")).allMatch(this.properties::changedBy);
		assertThat(List.of("/api/contentious", "/api/publishing/v1/papers", "/blog"))
			.noneMatch(this.properties::changedBy);
	}

}
