package org.biochemsec2030.gateway.home;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the home page finds each service, how long a section may take and how long an
 * answer is reused.
 */
@Validated
@ConfigurationProperties("bcs.home")
record HomeProperties(@NotNull URI contentUri, @NotNull URI networkUri, @NotNull URI trackerUri,
		@NotNull URI publishingUri, @NotNull Duration timeout, @NotNull Duration cacheFor) {
}
