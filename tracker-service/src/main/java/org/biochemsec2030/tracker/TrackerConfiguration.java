package org.biochemsec2030.tracker;

import java.time.Clock;

import org.biochemsec2030.tracker.support.TrackerProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrackerProperties.class)
@EnableScheduling
class TrackerConfiguration {

	/** Every time the tracker reads comes from here, so tests can set it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
