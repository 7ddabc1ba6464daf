package org.biochemsec2030.contracts.network;

import java.time.Instant;

import org.biochemsec2030.contracts.EventContract;

/**
 * A member asked for erasure and network-service has removed what it held about them.
 * Every other service that keeps anything about the member (by their id) deletes it on
 * this event, and search drops their documents. Internal: never on {@code bcs.public}.
 */
public record MemberErased(String memberId, Instant erasedAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.network.member.erased.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return memberId;
	}

}
