package org.biochemsec2030.e2e;

import java.nio.file.Files;
import java.util.List;

import org.biochemsec2030.platform.test.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five apps, each in its own JVM from its runnable jar, against real PostgreSQL,
 * Kafka and Elasticsearch: every service reachable and healthy through the gateway, and
 * every app shutting down gracefully on SIGTERM. Start-up itself is the first assertion:
 * a failing app fails the class. The suite is shared with the other e2e classes, which
 * run first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(Integer.MAX_VALUE) // the last class: its last test stops the shared suite
class SuiteStartsIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final List<String> services = SuiteProcesses.SERVICES;

	private static SuiteProcesses suite;

	@BeforeAll
	static void startSuite() throws Exception {
		suite = RunningSuite.get();
	}

	@AfterAll
	static void stopSuite() {
		if (suite != null) {
			suite.close();
		}
	}

	@Test
	@Order(1)
	void gatewayAnswersUp() {
		Http.Response health = Http.get(suite.actuator("gateway", "/actuator/health"));
		assertThat(health.status()).isEqualTo(200);
		assertThat(JSON.readTree(health.body()).path("status").asString()).isEqualTo("UP");
	}

	@ParameterizedTest
	@FieldSource("services")
	@Order(2)
	void eachServiceIsHealthyThroughTheGateway(String service) {
		Http.Response health = Http.get(suite.gateway("/health/" + service));
		assertThat(health.status()).as(health.body()).isEqualTo(200);
		JsonNode body = JSON.readTree(health.body());
		assertThat(body.path("status").asString()).isEqualTo("UP");
		for (String engine : List.of("db", "kafka", "elasticsearch")) {
			assertThat(body.path("components").path(engine).path("status").asString()).as(service + " " + engine)
				.isEqualTo("UP");
		}
	}

	@Test
	@Order(3)
	void everyAppShutsDownGracefullyOnSigterm() throws Exception {
		List<SuiteProcesses.App> stopped = suite.stopAll();
		assertThat(stopped).extracting(SuiteProcesses.App::module)
			.containsExactlyInAnyOrder("gateway", "content-service", "network-service", "tracker-service",
					"publishing-service");
		for (SuiteProcesses.App app : stopped) {
			assertThat(Files.readString(app.log())).as(app.module()).contains("Graceful shutdown complete");
		}
	}

}
