package org.biochemsec2030.network;

import java.time.Clock;

import org.biochemsec2030.network.support.NetworkProperties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

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

}
