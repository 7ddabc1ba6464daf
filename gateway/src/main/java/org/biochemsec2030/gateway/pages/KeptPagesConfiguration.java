package org.biochemsec2030.gateway.pages;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeptPagesProperties.class)
@ConditionalOnBooleanProperty(name = "bcs.kept-pages.enabled", matchIfMissing = true)
class KeptPagesConfiguration {

	@Bean
	SiteVersionPoller siteVersionPoller(KeptPagesProperties properties) {
		return new SiteVersionPoller(properties);
	}

	@Bean
	KeptPages keptPages(KeptPagesProperties properties, SiteVersionPoller version) {
		return new KeptPages(properties, version);
	}

	@Bean
	WebFilter keptPagesAhead(KeptPages keptPages) {
		return keptPages.early();
	}

}
