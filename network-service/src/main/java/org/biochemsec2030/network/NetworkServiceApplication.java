package org.biochemsec2030.network;

import java.time.Clock;

import org.biochemsec2030.network.support.NetworkProperties;
import org.biochemsec2030.platform.pages.FormKeys;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(NetworkProperties.class)
public class NetworkServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(NetworkServiceApplication.class, args);
	}

	/** Every rule about time (expiry, deadlines, retries) reads this clock. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** The admin tool's meeting form is safe to send twice (table admin_form_key, V6). */
	@Bean
	FormKeys formKeys(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		return new FormKeys(jdbc, transactions, clock);
	}

}
