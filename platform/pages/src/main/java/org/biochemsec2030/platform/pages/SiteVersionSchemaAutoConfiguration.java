package org.biochemsec2030.platform.pages;

import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The site version's schema for a service that names the Flyway version it is created at
 * in {@code bcs.pages.schema-version} (Spring Boot's Flyway runs every
 * {@link JavaMigration} bean with the service's own migrations). content-service and
 * publishing-service created theirs in their own migrations before this existed, and set
 * no such version.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass({ JavaMigration.class, FlywayAutoConfiguration.class })
@ConditionalOnProperty("bcs.pages.schema-version")
public class SiteVersionSchemaAutoConfiguration {

	@Bean
	SiteVersionSchema siteVersionSchema(@Value("${bcs.pages.schema-version}") String version) {
		return new SiteVersionSchema(version);
	}

}
