package org.biochemsec2030.contracts.network;

import java.time.Instant;

import org.biochemsec2030.contracts.EventContract;

/**
 * A member left the network: their account is disabled and their profile is out of the
 * directory and of search. What is held about them stays until they ask for erasure.
 * Internal: never on {@code bcs.public}.
 */
public record MemberLeft(String memberId, Instant leftAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.network.member.left.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return memberId;
	}

}
