package org.biochemsec2030.platform.test;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every domain service must show once started against the real engines: ready with
 * its database, every engine reported up, liveness free of dependencies, Prometheus
 * metrics tagged with the app's name, a schema owned by Flyway and logs written as JSON.
 * A service's own test extends this with
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}; it fails if the app cannot
 * start.
 */
@RealEngines
@ExtendWith(OutputCaptureExtension.class)
public abstract class ServiceStartsOnRealEngines {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Value("${local.server.port}")
	private int port;

	@Value("${spring.application.name}")
	private String applicationName;

	@Autowired
	private DataSource dataSource;

	@Test
	void isReadyOnceItsDatabaseIsUp() {
		JsonNode readiness = health("/actuator/health/readiness");
		assertThat(readiness.path("status").asString()).isEqualTo("UP");
		assertThat(readiness.path("components").path("db").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void reportsPostgresqlKafkaAndElasticsearchUp() {
		JsonNode dependencies = health("/actuator/health/dependencies");
		for (String engine : List.of("db", "kafka", "elasticsearch")) {
			assertThat(dependencies.path("components").path(engine).path("status").asString()).as(engine)
				.isEqualTo("UP");
		}
	}

	@Test
	void keepsDependenciesOutOfLiveness() {
		JsonNode liveness = health("/actuator/health/liveness");
		assertThat(liveness.path("status").asString()).isEqualTo("UP");
		assertThat(liveness.path("components").propertyNames()).containsExactly("livenessState");
	}

	@Test
	void exposesPrometheusMetricsTaggedWithItsName() {
		Http.Response metrics = Http.get(url("/actuator/prometheus"));
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes")
			.contains("application=\"" + this.applicationName + "\"");
	}

	@Test
	void ownsItsSchemaThroughFlyway() {
		List<Map<String, Object>> migrations = new JdbcTemplate(this.dataSource)
			.queryForList("select version, success from flyway_schema_history where version is not null");
		assertThat(migrations).isNotEmpty().allSatisfy(row -> assertThat(row.get("success")).isEqualTo(true));
	}

	@Test
	void writesLogsAsJson(CapturedOutput output) {
		LoggerFactory.getLogger(getClass()).info("structured log probe");
		String line = output.getOut()
			.lines()
			.filter(l -> l.contains("structured log probe"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("log line not written to the console"));
		JsonNode json = JSON.readTree(line);
		assertThat(json.path("message").asString()).isEqualTo("structured log probe");
		assertThat(json.path("service").path("name").asString()).isEqualTo(this.applicationName);
	}

	private JsonNode health(String path) {
		Http.Response response = Http.get(url(path));
		assertThat(response.status()).as(path + " -> " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
