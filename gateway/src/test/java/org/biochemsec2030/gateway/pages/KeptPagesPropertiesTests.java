package org.biochemsec2030.gateway.pages;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which paths the gateway keeps, for which service, and which writes change them. */
class KeptPagesPropertiesTests {

	private final KeptPagesProperties.Service content = new KeptPagesProperties.Service(
			List.of("/blog", "/micro", "/pages", "/feeds"), List.of("/blog/media/**"),
			List.of("/api/content", "/admin/content"),
			URI.create("http://content-service:8081/api/content/v1/site-version"));

	private final KeptPagesProperties.Service publishing = new KeptPagesProperties.Service(
			List.of("/papers", "/meetings"), List.of("/**/*.pdf", "/**/*.zip"),
			List.of("/api/publishing", "/admin/publishing"),
			URI.create("http://publishing-service:8084/api/publishing/v1/site-version"));

	private final KeptPagesProperties properties = properties();

	private KeptPagesProperties properties() {
		Map<String, KeptPagesProperties.Service> services = new LinkedHashMap<>();
		services.put("content", this.content);
		services.put("publishing", this.publishing);
		return new KeptPagesProperties(true, services, Duration.ofMillis(200), 5000, 2 * 1024 * 1024);
	}

	@Test
	void keepsThePublicSectionsAndWhatIsUnderThem() {
		assertThat(List.of("/blog", "/blog/a-post", "/micro/42", "/pages/about", "/feeds/posts.atom"))
			.allMatch(this.content::covers);
		assertThat(List.of("/bloggers", "/blog/media/1", "/papers/p", "/", "/search", "/api/content/v1/posts"))
			.noneMatch(this.content::covers);
	}

	@Test
	void countsWritesToTheOwningServicesApiAndAdminTool() {
		assertThat(List.of("/api/content/v1/posts", "/admin/content/posts/1")).allMatch(this.content::changedBy);
		assertThat(List.of("/api/contentious", "/api/publishing/v1/papers", "/blog"))
			.noneMatch(this.content::changedBy);
	}

	@Test
	void keepsEachPageForTheServiceThatOwnsIt() {
		assertThat(this.properties.covering("/blog/a-post")).isEqualTo("content");
		assertThat(this.properties.covering("/papers/a-paper/v2")).isEqualTo("publishing");
		assertThat(this.properties.covering("/meetings/msp-2026")).isEqualTo("publishing");
		assertThat(this.properties.covering("/papers/a-paper/paper.pdf")).isNull();
		assertThat(this.properties.covering("/meetings/msp-2026/pack.zip")).isNull();
		assertThat(this.properties.covering("/developments")).isNull();
	}

	@Test
	void countsEachWriteForTheServiceItChanges() {
		assertThat(this.properties.changedBy("/api/publishing/v1/papers")).isEqualTo("publishing");
		assertThat(this.properties.changedBy("/admin/publishing/papers/1")).isEqualTo("publishing");
		assertThat(this.properties.changedBy("/admin/content/posts/1")).isEqualTo("content");
		assertThat(this.properties.changedBy("/api/network/v1/members")).isNull();
	}

}
