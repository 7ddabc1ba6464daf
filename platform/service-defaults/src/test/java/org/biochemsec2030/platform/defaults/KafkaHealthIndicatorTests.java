package org.biochemsec2030.platform.defaults;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaHealthIndicatorTests {

	@Test
	void reportsDownWithinItsTimeoutWhenNoBrokerAnswers() {
		// Port 1 on loopback: nothing listens there, so every connection is refused.
		var admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"));
		var indicator = new KafkaHealthIndicator(admin, Duration.ofSeconds(1));
		try {
			Health health = indicator.health(true);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsKey("error");
		}
		finally {
			indicator.destroy();
		}
	}

}
