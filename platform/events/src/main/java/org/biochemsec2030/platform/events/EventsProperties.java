package org.biochemsec2030.platform.events;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the event plumbing ({@code bcs.events.*}).
 *
 * @param source the CloudEvents {@code source} of everything this app publishes; defaults
 * to {@code /<spring.application.name>}
 * @param relay how the outbox relay publishes
 * @param consumer how consumers retry before a message goes to its dead-letter topic
 * @param topics topics this app creates at start (partitions and retention for dev; the
 * cluster's own declarations take over in Kubernetes)
 */
@ConfigurationProperties("bcs.events")
@Validated
public record EventsProperties(URI source, @Valid @DefaultValue Relay relay, @Valid @DefaultValue Consumer consumer,
		@Valid @DefaultValue List<Topic> topics) {

	/**
	 * @param enabled whether this app runs a relay (any number of replicas may; one
	 * publishes at a time)
	 * @param pollInterval how often to look for events written by other replicas or left
	 * over from an outage; a commit in this app wakes the relay at once
	 * @param batchSize events published per round
	 * @param sendTimeout how long one round may wait for the broker before it gives up
	 * and tries again
	 * @param keepPublished how long published rows stay in the outbox (for operators)
	 */
	public record Relay(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("1s") Duration pollInterval,
			@Min(1) @DefaultValue("200") int batchSize, @NotNull @DefaultValue("10s") Duration sendTimeout,
			@NotNull @DefaultValue("7d") Duration keepPublished) {

	}

	/**
	 * @param attempts deliveries of one message before it goes to the dead-letter topic
	 * @param initialBackoff wait before the second delivery
	 * @param multiplier growth of the wait between deliveries
	 * @param maxBackoff longest wait between deliveries
	 * @param outageBackoff longest wait between deliveries while an engine the handler
	 * needs is away: those deliveries are repeated until it is back, without a limit on
	 * attempts, so this bounds how long after its return the consumer notices
	 */
	public record Consumer(@Min(1) @DefaultValue("4") int attempts,
			@NotNull @DefaultValue("1s") Duration initialBackoff, @DefaultValue("2.0") double multiplier,
			@NotNull @DefaultValue("30s") Duration maxBackoff, @NotNull @DefaultValue("5s") Duration outageBackoff) {

	}

	public record Topic(@NotBlank String name, @Min(1) @DefaultValue("3") int partitions,
			@NotNull @DefaultValue("30d") Duration retention) {

	}

}
