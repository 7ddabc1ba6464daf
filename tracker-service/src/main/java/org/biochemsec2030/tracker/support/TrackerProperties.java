package org.biochemsec2030.tracker.support;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.biochemsec2030.platform.security.outbound.AddressPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The tracker's settings ({@code bcs.tracker.*}).
 *
 * @param publicUrl the site's public address (the gateway), for absolute links
 * @param demo load demo data at start
 * @param poller how sources are polled
 * @param fetch limits of one feed request
 */
@Validated
@ConfigurationProperties("bcs.tracker")
public record TrackerProperties(@NotBlank String publicUrl, boolean demo, @Valid @NotNull Poller poller,
		@Valid @NotNull Fetch fetch) {

	/**
	 * @param enabled whether this replica polls at all (tests poll by hand)
	 * @param interval how often due sources are looked for
	 * @param batch at most this many sources per round
	 * @param lease how long a claimed source is left to the replica that claimed it
	 */
	public record Poller(boolean enabled, @NotNull Duration interval, @Min(1) @Max(500) int batch,
			@NotNull Duration lease) {
	}

	/**
	 * @param connectTimeout time to open the connection
	 * @param readTimeout time for the whole answer, headers and body
	 * @param maxBytes larger answers are refused
	 * @param userAgent sent with every request, so site owners know who reads them
	 * @param allowedNetworks networks (CIDR) that are read although they are not public,
	 * e.g. feeds the suite serves itself in a demo; empty in production, where only sites
	 * on the internet are read
	 */
	public record Fetch(@NotNull Duration connectTimeout, @NotNull Duration readTimeout, @Min(1024) long maxBytes,
			@NotBlank String userAgent, @DefaultValue List<String> allowedNetworks) {

		/**
		 * Feeds are public documents, so plain http is read too; the networks are what
		 * keeps analysts' addresses off the suite's own.
		 */
		public AddressPolicy policy() {
			return new AddressPolicy(true, this.allowedNetworks);
		}

	}

}
