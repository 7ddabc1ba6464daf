package org.biochemsec2030.publishing;

import java.time.Clock;

import org.biochemsec2030.platform.pages.FormKeys;
import org.biochemsec2030.publishing.oai.OaiProperties;
import org.biochemsec2030.publishing.support.PublishingProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PublishingProperties.class, OaiProperties.class })
class PublishingConfiguration {

	/** Time comes from here, so that tests can move it instead of sleeping. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** The admin tool's forms are safe to send twice (table admin_form_key, V2). */
	@Bean
	FormKeys formKeys(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		return new FormKeys(jdbc, transactions, clock);
	}

}
