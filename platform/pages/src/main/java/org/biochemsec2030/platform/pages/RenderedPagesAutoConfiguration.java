package org.biochemsec2030.platform.pages;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kept public pages for a WebMVC service that names itself in {@code bcs.pages.service}
 * and lists its public sections in {@code bcs.pages.paths}; its database needs the
 * {@code site_version} row and the triggers that bump it.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty("bcs.pages.service")
@EnableConfigurationProperties(RenderedPagesProperties.class)
public class RenderedPagesAutoConfiguration {

	@Bean
	SiteVersion siteVersion(JdbcClient jdbc) {
		return new SiteVersion(jdbc);
	}

	@Bean
	SiteVersionController siteVersionController(SiteVersion version) {
		return new SiteVersionController(version);
	}

	@Bean
	RenderedPages renderedPages(RenderedPagesProperties properties, SiteVersion version,
			ObjectProvider<MeterRegistry> meters) {
		return new RenderedPages(properties, version, meters.getIfAvailable(SimpleMeterRegistry::new));
	}

}
