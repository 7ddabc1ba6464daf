package org.biochemsec2030.platform.search;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class ElasticsearchHealthIndicatorTests {

	@Test
	void reportsDownWhenTheClusterCannotBeReached() throws Exception {
		// Port 1 on loopback: nothing listens there, so the connection is refused at
		// once.
		var properties = new SearchProperties(List.of(URI.create("http://127.0.0.1:1")), null, null,
				Duration.ofSeconds(1), Duration.ofSeconds(1), null);
		var configuration = new SearchAutoConfiguration();
		try (var restClient = configuration.elasticsearchRestClient(properties)) {
			var client = configuration.elasticsearchClient(configuration.elasticsearchTransport(restClient));
			Health health = new ElasticsearchHealthIndicator(client).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		}
	}

}
