package org.biochemsec2030.e2e;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's Actuator port (metrics without sign-in) stays inside the compose network:
 * the host gets the site's port only, and the health check asks Actuator where it is.
 */
class ComposePortsTests {

	private final Map<String, Map<String, Object>> services = Compose
		.services(Path.of(System.getProperty("bcs.root", "..")));

	@Test
	void theGatewaysManagementPortIsPublishedNowhere() {
		Map<String, Object> gateway = this.services.get("gateway");
		@SuppressWarnings("unchecked")
		Map<String, Object> environment = (Map<String, Object>) gateway.get("environment");
		String management = String.valueOf(environment.get("BCS_MANAGEMENT_PORT"));
		assertThat(management).isNotEqualTo(String.valueOf(environment.get("PORT"))).matches("\\d+");
		assertThat(gateway.get("ports")).isEqualTo(List.of("8080:8080"));
		this.services.forEach((name, service) -> assertThat(String.valueOf(service.get("ports"))).as(name)
			.doesNotContain(management));
	}

	@Test
	void theHealthCheckAsksTheManagementPortWhereThereIsOne() {
		Map<String, Object> gateway = this.services.get("gateway");
		assertThat(String.valueOf(gateway.get("healthcheck"))).contains("$${BCS_MANAGEMENT_PORT:-$${PORT}}")
			.contains("/actuator/health/readiness");
	}

}
