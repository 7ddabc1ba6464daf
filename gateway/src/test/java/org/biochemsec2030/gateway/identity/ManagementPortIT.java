package org.biochemsec2030.gateway.identity;

import org.biochemsec2030.platform.test.Engines;
import org.biochemsec2030.platform.test.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator on the management port, which only the cluster reaches: Prometheus and the
 * probes read it without signing in. The public port serves none of it and refuses an
 * anonymous visitor as before (who signs in as an admin finds nothing there: SignInIT).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagementPortIT {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@DynamicPropertySource
	static void sessions(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", () -> Engines.redis().getHost());
		registry.add("spring.data.redis.port", () -> Engines.redis().getMappedPort(6379));
	}

	@Test
	void servesMetricsWithoutSignInOnTheManagementPort() {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		Http.Response metrics = Http.get(management("/actuator/prometheus"));
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"gateway\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health/liveness", "/actuator/health/readiness" })
	void servesTheProbesWithoutSignInOnTheManagementPort(String path) {
		Http.Response health = Http.get(management(path));
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void servesItsComponentsHealthWithoutSignInOnTheManagementPort() {
		// No Elasticsearch runs here: the overall health says so (503), the probes above
		// do not depend on it.
		Http.Response health = Http.get(management("/actuator/health"));
		assertThat(health.status()).isEqualTo(503);
		assertThat(health.body()).contains("\"elasticsearch\":{\"status\":\"DOWN\"}");
	}

	@Test
	void servesNothingElseOnTheManagementPort() {
		assertThat(Http.get(management("/actuator/gateway/routes")).status()).isEqualTo(404);
		assertThat(Http.get(management("/blog/first-meeting-report")).status()).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/prometheus", "/actuator/metrics", "/actuator" })
	void refusesActuatorToAnonymousVisitorsOnThePublicPort(String path) {
		Http.Response response = Http.get(pub(path));
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.body()).doesNotContain("jvm_memory_used_bytes");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/livez", "/readyz" })
	void showsItsOwnHealthOnThePublicPort(String path) {
		Http.Response health = Http.get(pub(path));
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	private String management(String path) {
		return "http://localhost:" + this.managementPort + path;
	}

	private String pub(String path) {
		return "http://localhost:" + this.port + path;
	}

}
