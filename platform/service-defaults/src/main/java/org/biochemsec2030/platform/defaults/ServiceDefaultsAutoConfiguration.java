package org.biochemsec2030.platform.defaults;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Operational beans every app gets; the matching properties are in bcs-defaults.yml. */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class ServiceDefaultsAutoConfiguration {

	/** Services name their database with bcs.database; the gateway has none. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty("bcs.database")
	@EnableConfigurationProperties(DatabaseProperties.class)
	static class DatabaseConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(KafkaAdmin.class)
	static class KafkaHealthConfiguration {

		@Bean
		@ConditionalOnBean(KafkaAdmin.class)
		@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
		KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
			return new KafkaHealthIndicator(kafkaAdmin, Duration.ofSeconds(3));
		}

	}

}
