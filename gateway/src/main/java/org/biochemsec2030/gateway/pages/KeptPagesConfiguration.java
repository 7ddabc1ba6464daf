package org.biochemsec2030.gateway.pages;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
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
	KeptPages keptPages(KeptPagesProperties properties, SiteVersionPoller version, WebClient.Builder http) {
		// Pages up to the kept size are read whole (WebClient's default stops at 256 kB).
		return new KeptPages(properties, version,
				http.clone().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(properties.maxBytes())).build());
	}

	@Bean
	WebFilter keptPagesAhead(KeptPages keptPages) {
		return keptPages.early();
	}

}
