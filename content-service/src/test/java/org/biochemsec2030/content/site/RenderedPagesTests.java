package org.biochemsec2030.content.site;

import org.biochemsec2030.platform.pages.RenderedPages;
import org.biochemsec2030.platform.pages.RenderedPagesProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which reads may be served from the kept pages, as this service configures them. */
class RenderedPagesTests {

	private static final RenderedPagesProperties PAGES = configured();

	/** The service's own application.yml, bound as the app binds it. */
	private static RenderedPagesProperties configured() {
		try {
			var environment = new StandardEnvironment();
			new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
				.forEach(environment.getPropertySources()::addLast);
			return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate("bcs.pages",
					RenderedPagesProperties.class);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean keepable(String method, String path, String authorization, String csrf, String cookie) {
		return RenderedPages.keepable(PAGES, method, path, authorization, csrf, cookie);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/blog", "/blog/a-post", "/blog/tags/screening", "/micro", "/micro/42", "/pages/about",
			"/feeds/posts.atom", "/feeds/sitemap.xml" })
	void keepsAnonymousReadsOfPublicPages(String path) {
		assertThat(keepable("GET", path, null, null, null)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "/admin/content", "/api/content/v1/posts", "/blog/media/1", "/actuator/health", "/bloggers" })
	void neverKeepsAnythingElse(String path) {
		assertThat(keepable("GET", path, null, null, null)).as(path).isFalse();
	}

	@Test
	void neverKeepsASignedInReadOrAWrite() {
		assertThat(keepable("GET", "/blog", "Bearer x", null, null)).isFalse();
		assertThat(keepable("GET", "/blog", null, "token", null)).isFalse();
		assertThat(keepable("GET", "/blog", null, null, "SESSION=1")).isFalse();
		assertThat(keepable("POST", "/blog", null, null, null)).isFalse();
		assertThat(keepable("HEAD", "/blog", null, null, null)).isFalse();
	}

	@Test
	void tellsPagesApartByTheirBytes() {
		assertThat(RenderedPages.etag("a".getBytes())).isNotEqualTo(RenderedPages.etag("b".getBytes()))
			.isEqualTo(RenderedPages.etag("a".getBytes()))
			.startsWith("\"")
			.endsWith("\"");
	}

}
