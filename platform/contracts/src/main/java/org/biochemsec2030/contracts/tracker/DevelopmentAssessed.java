package org.biochemsec2030.contracts.tracker;

import java.time.Instant;

import org.biochemsec2030.contracts.EventContract;

/**
 * An analyst recorded a new version of their assessment of a development. Internal (never
 * on {@code bcs.public}): a development being assessed is not public, and no assessor is
 * named.
 *
 * @param assessors how many analysts have assessed the development now
 */
public record DevelopmentAssessed(String developmentId, int assessors, Instant assessedAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.tracker.development.assessed.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return developmentId;
	}

}
