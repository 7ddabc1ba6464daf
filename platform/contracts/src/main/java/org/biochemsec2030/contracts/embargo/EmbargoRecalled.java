package org.biochemsec2030.contracts.embargo;

import java.time.Instant;

import org.biochemsec2030.contracts.EventContract;

/**
 * An embargoed announcement taken back before its embargo ended (a paper's publication
 * called off, say): it will not become public. Trusted partners that received it are
 * told; no one else ever hears of it. Its subject is the recalled event's, so it follows
 * that event on the same partition.
 */
public record EmbargoRecalled(String announcementId, String announcementType, String announcementSubject,
		Instant recalledAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.partners.embargo.recalled.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return announcementSubject;
	}

}
