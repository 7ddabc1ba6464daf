package org.biochemsec2030.gateway.pages;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.WebFilter;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeptPagesProperties.class)
@ConditionalOnBooleanProperty(name = "bcs.kept-pages.enabled", matchIfMissing = true)
class KeptPagesConfiguration {

	@Bean
	SiteVersionPollers siteVersionPollers(KeptPagesProperties properties) {
		Map<String, SiteVersionPoller> pollers = new LinkedHashMap<>();
		properties.services()
			.forEach((name, service) -> pollers.put(name,
					new SiteVersionPoller(name, service.versionUri(), properties.pollInterval())));
		return new SiteVersionPollers(Map.copyOf(pollers));
	}

	@Bean
	KeptPages keptPages(KeptPagesProperties properties, SiteVersionPollers versions, WebClient.Builder http) {
		// Pages up to the kept size are read whole (WebClient's default stops at 256 kB).
		return new KeptPages(properties, versions.pollers(),
				http.clone().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(properties.maxBytes())).build());
	}

	@Bean
	WebFilter keptPagesAhead(KeptPages keptPages) {
		return keptPages.early();
	}

	/** Each service's poller, started and stopped with the gateway. */
	record SiteVersionPollers(Map<String, SiteVersionPoller> pollers) implements SmartLifecycle {

		@Override
		public void start() {
			this.pollers.values().forEach(SiteVersionPoller::start);
		}

		@Override
		public void stop() {
			this.pollers.values().forEach(SiteVersionPoller::stop);
		}

		@Override
		public boolean isRunning() {
			return this.pollers.values().stream().anyMatch(SiteVersionPoller::isRunning);
		}

	}

}
