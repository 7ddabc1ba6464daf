package org.biochemsec2030.gateway.home;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.biochemsec2030.platform.test.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Within cache-for, one answer of a service serves every reader of the home page: the
 * services see one request per section and period, not one per reader.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bcs.home.cache-for=10m")
class HomeSectionsCacheIT {

	private static final AtomicInteger POSTS_ASKED = new AtomicInteger();

	private static HttpServer services;

	@Value("${local.server.port}")
	private int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) throws IOException {
		services = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		services.createContext("/", exchange -> {
			if (exchange.getRequestURI().getPath().equals("/api/content/v1/posts")) {
				POSTS_ASKED.incrementAndGet();
			}
			byte[] body = "{\"items\":[{\"title\":\"A post\",\"url\":\"/blog/a-post\"}],\"page\":0,\"size\":5,\"total\":1}"
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		services.start();
		String uri = "http://127.0.0.1:" + services.getAddress().getPort();
		for (String service : new String[] { "CONTENT", "NETWORK", "TRACKER", "PUBLISHING" }) {
			registry.add("BCS_" + service + "_URI", () -> uri);
		}
	}

	@AfterAll
	static void stopServices() {
		services.stop(0);
	}

	@Test
	void asksEachServiceOncePerPeriodWhateverTheNumberOfReaders() {
		assertThat(Http.get(url("/")).body()).contains("A post");
		int asked = POSTS_ASKED.get();
		for (int reader = 0; reader < 5; reader++) {
			assertThat(Http.get(url("/")).body()).contains("A post");
		}
		// Without the cache that would be five more requests; the one allowed is the
		// start-up warm-up, which bypasses the cache and may arrive late.
		assertThat(POSTS_ASKED.get() - asked).isLessThanOrEqualTo(1);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
