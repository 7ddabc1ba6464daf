package org.biochemsec2030.publishing.partner;

import java.time.Duration;
import java.util.List;

import org.biochemsec2030.platform.security.outbound.AddressPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of partner deliveries ({@code bcs.partners.*}).
 *
 * @param plainHttpAllowed accept {@code http://} endpoints (local trials only)
 * @param allowedNetworks non-public networks whose endpoints are accepted (CIDR; local
 * trials only)
 * @param deliveryDeadline how long an endpoint has to answer one delivery
 * @param retryWaits the wait before each attempt, the first at once
 * @param jitter the share by which each wait is lengthened or shortened at random
 * @param rotationOverlap how long a replaced secret still signs after a rotation
 * @param disableAfter an endpoint failing without a success for this long is disabled
 * @param pollInterval how often due deliveries are looked for when nothing wakes the
 * worker
 * @param maxConnections open connections to all endpoints together
 * @param perEndpoint deliveries taken for one endpoint at a time (made one after another)
 * @param mailFrom the sender of notices to partners' contacts
 * @param noticeInterval how often queued notices are looked for
 * @param embargoInterval how often embargoes that have ended are looked for
 */
@ConfigurationProperties("bcs.partners")
record PartnerProperties(@DefaultValue("false") boolean plainHttpAllowed, @DefaultValue List<String> allowedNetworks,
		@DefaultValue("15s") Duration deliveryDeadline, @DefaultValue( {
				"0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h" }) List<Duration> retryWaits,
		@DefaultValue("0.2") double jitter, @DefaultValue("24h") Duration rotationOverlap,
		@DefaultValue("5d") Duration disableAfter, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("200") int maxConnections, @DefaultValue("5") int perEndpoint,
		@DefaultValue("partners@biochemsec2030.invalid") String mailFrom, @DefaultValue("10s") Duration noticeInterval,
		@DefaultValue("1s") Duration embargoInterval){

	AddressPolicy policy() {
		return new AddressPolicy(this.plainHttpAllowed, this.allowedNetworks);
	}

	RetrySchedule schedule() {
		return new RetrySchedule(this.retryWaits, this.jitter);
	}

}
