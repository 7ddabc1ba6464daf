package org.biochemsec2030.publishing.site;

import java.util.Map;

import org.biochemsec2030.platform.test.Http;
import org.biochemsec2030.publishing.PublishingServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public landing page, rendered by the running service in the site's shared layout.
 */
@PublishingServiceTest
class PapersPageIT {

	@Value("${local.server.port}")
	private int port;

	@Test
	void rendersInTheSharedLayoutWithItsSectionMarked() {
		Http.Response page = Http.get(url("/papers"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<title>Briefing papers · Bio-Chemical Security 2030</title>")
			.contains("<a class=\"skip-link\" href=\"#main\">")
			.contains("<main id=\"main\"")
			.contains("href=\"/papers\" aria-current=\"page\">Papers</a>")
			.contains("Briefing papers for the BWC and CWC meetings")
			.contains("href=\"/assets/bcs.css\"");
	}

	@Test
	void answersUnknownPagesWithTheSharedNotFoundPage() {
		Http.Response page = Http.get(url("/papers/no-such-page"), Map.of("Accept", "text/html"));
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).contains("We can’t find that page")
			.contains("<nav class=\"site-nav\" aria-label=\"Main\">");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
