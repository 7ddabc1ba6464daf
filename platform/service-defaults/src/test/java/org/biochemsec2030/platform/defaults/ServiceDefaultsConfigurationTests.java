package org.biochemsec2030.platform.defaults;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceDefaultsConfigurationTests {

	@Test
	void refusesToStartWithoutADatabasePasswordAndNamesTheVariable() {
		var application = new SpringApplication(MinimalService.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatThrownBy(() -> application.run("--spring.config.import=classpath:bcs-service-defaults.yml",
				"--bcs.database=content", "--spring.kafka.bootstrap-servers=127.0.0.1:1", "--debug",
				"--logging.structured.format.console="))
			.hasStackTraceContaining("BCS_DB_PASSWORD");
	}

	// No component scan: this package holds the auto-configuration under test, which must
	// be
	// applied as an auto-configuration (ordered after Kafka's), not scanned as a user
	// one.
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class MinimalService {

	}

}
