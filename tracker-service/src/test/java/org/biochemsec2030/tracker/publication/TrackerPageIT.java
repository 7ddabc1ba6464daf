package org.biochemsec2030.tracker.publication;

import java.util.Map;

import org.biochemsec2030.platform.test.Http;
import org.biochemsec2030.platform.test.RealEngines;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public landing page, rendered by the running service in the site's shared layout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "bcs.tracker.poller.enabled=false")
@RealEngines
class TrackerPageIT {

	@Value("${local.server.port}")
	private int port;

	@Test
	void rendersInTheSharedLayoutWithItsSectionMarked() {
		Http.Response page = Http.get(url("/tracker"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body())
			.contains("<title>Tracking developments in science and technology · Bio-Chemical Security 2030</title>")
			.contains("<a class=\"skip-link\" href=\"#main\">")
			.contains("<main id=\"main\"")
			.contains("href=\"/tracker\" aria-current=\"page\">Tracker</a>")
			.contains("<h2 id=\"developments\">Assessed developments</h2>")
			.contains("<select name=\"regime\">")
			.contains("href=\"/assets/bcs.css\"");
	}

	@Test
	void answersUnknownPagesWithTheSharedNotFoundPage() {
		Http.Response page = Http.get(url("/tracker/no-such-page"), Map.of("Accept", "text/html"));
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).contains("We can’t find that page")
			.contains("<nav class=\"site-nav\" aria-label=\"Main\">");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
