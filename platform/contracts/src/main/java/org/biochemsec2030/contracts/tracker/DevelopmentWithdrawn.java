package org.biochemsec2030.contracts.tracker;

import java.time.Instant;

import org.biochemsec2030.contracts.EventContract;

/**
 * A published development is no longer public (withdrawn by an analyst, or flagged as an
 * information hazard before its public summary was reviewed): consumers drop what they
 * show of it.
 */
public record DevelopmentWithdrawn(String developmentId, String url, Instant withdrawnAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.tracker.development.withdrawn.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return developmentId;
	}

}
