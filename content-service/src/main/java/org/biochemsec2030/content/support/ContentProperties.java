package org.biochemsec2030.content.support;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the content-service ({@code bcs.content.*}).
 *
 * @param publicUrl the site's public base address (the gateway), for canonical URLs in
 * feeds, the sitemap and post views
 * @param demo load the demo content at start (idempotent)
 * @param scheduler how scheduled publications are picked up
 */
@Validated
@ConfigurationProperties("bcs.content")
public record ContentProperties(@NotNull URI publicUrl, @DefaultValue("false") boolean demo,
		@Valid @DefaultValue Scheduler scheduler) {

	/**
	 * @param enabled whether this replica publishes due posts (any number of replicas
	 * may: rows are claimed with {@code FOR UPDATE SKIP LOCKED})
	 * @param interval how often due rows are looked for
	 * @param batchSize rows claimed per round
	 */
	public record Scheduler(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("5s") Duration interval,
			@Min(1) @DefaultValue("20") int batchSize) {

	}

	/** The absolute address of a site path such as {@code /blog/some-post}. */
	public String absolute(String path) {
		String base = this.publicUrl.toString();
		if (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		return base + path;
	}

}
