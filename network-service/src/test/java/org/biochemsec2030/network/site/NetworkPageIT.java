package org.biochemsec2030.network.site;

import java.util.Map;

import org.biochemsec2030.network.NetworkServiceTest;
import org.biochemsec2030.platform.test.Http;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public landing page, rendered by the running service in the site's shared layout.
 */
@NetworkServiceTest
class NetworkPageIT {

	@Value("${local.server.port}")
	private int port;

	@Test
	void rendersInTheSharedLayoutWithItsSectionMarked() {
		Http.Response page = Http.get(url("/network"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<title>Science and security network · Bio-Chemical Security 2030</title>")
			.contains("<a class=\"skip-link\" href=\"#main\">")
			.contains("<main id=\"main\"")
			.contains("href=\"/network\" aria-current=\"page\">Network</a>")
			.contains("How to join")
			.contains("href=\"/network/apply\"")
			.contains("href=\"/assets/bcs.css\"");
	}

	@Test
	void answersUnknownPagesWithTheSharedNotFoundPage() {
		Http.Response page = Http.get(url("/network/no-such-page"), Map.of("Accept", "text/html"));
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).contains("We can’t find that page")
			.contains("<nav class=\"site-nav\" aria-label=\"Main\">");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
