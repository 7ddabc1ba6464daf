package org.biochemsec2030.platform.defaults;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * A service's own database, from BCS_DB_URL, BCS_DB_USER and BCS_DB_PASSWORD. Validated
 * at start-up because the connection pool connects lazily: without this check a missing
 * password would surface only as a failing readiness probe instead of a start-up error
 * that names the variable.
 */
@Validated
@ConfigurationProperties("bcs.db")
public record DatabaseProperties(@NotBlank(message = "is required: set BCS_DB_URL") String url,
		@NotBlank(message = "is required: set BCS_DB_USER") String user,
		@NotBlank(message = "is required: set BCS_DB_PASSWORD") String password) {
}
