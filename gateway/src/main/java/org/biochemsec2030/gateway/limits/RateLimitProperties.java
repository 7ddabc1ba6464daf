package org.biochemsec2030.gateway.limits;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many requests of each kind one client may send per window.
 *
 * @param enabled whether requests are limited at all
 * @param window the window every limit counts over (whole seconds)
 * @param search searches (the page and the API) per window
 * @param signIn sign-in steps (the redirect to the realm, the return from it) per window
 * @param writes state-changing requests to the APIs and admin tools per window
 * @param storeTimeout how long a limit decision may wait for Redis before the request
 * passes unlimited (limits fail open: an outage of Redis must not stop reading)
 */
@Validated
@ConfigurationProperties("bcs.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration window,
		@DefaultValue("120") @Min(1) int search, @DefaultValue("30") @Min(1) int signIn,
		@DefaultValue("120") @Min(1) int writes, @DefaultValue("500ms") Duration storeTimeout) {

	public RateLimitProperties {
		if (window.toSeconds() < 1) {
			throw new IllegalArgumentException("bcs.rate-limits.window (BCS_RATE_LIMIT_WINDOW) must be at least 1s");
		}
	}

}
