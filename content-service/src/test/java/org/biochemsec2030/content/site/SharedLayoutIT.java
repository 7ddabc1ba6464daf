package org.biochemsec2030.content.site;

import java.util.Map;

import org.biochemsec2030.platform.test.Http;
import org.biochemsec2030.platform.test.RealEngines;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared look is wired into content-service: its pages can use the layout, it serves
 * the site's assets and its error pages look like the rest of the site.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealEngines
class SharedLayoutIT {

	@Value("${local.server.port}")
	private int port;

	@Test
	void answersUnknownPagesWithTheSharedNotFoundPage() {
		Http.Response page = Http.get(url("/blog/no-such-post"), Map.of("Accept", "text/html"));
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).contains("<main id=\"main\"")
			.contains("We can’t find that page")
			.contains("<code>/blog/no-such-post</code>")
			.contains("<nav class=\"site-nav\" aria-label=\"Main\">");
	}

	@Test
	void servesTheSharedAssets() {
		Http.Response css = Http.get(url("/assets/bcs.css"));
		assertThat(css.status()).isEqualTo(200);
		assertThat(css.body()).contains(".site-header");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
