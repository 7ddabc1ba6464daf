package org.biochemsec2030.contracts.network;

import java.time.Instant;

import org.biochemsec2030.contracts.EventContract;

/**
 * A member changed their profile, what each field shows to whom, or whether they are in
 * the directory. Carries no profile data (a consumer that may show it reads it from
 * network-service), so the event itself never spreads what the member chose to hide.
 * Internal: never on {@code bcs.public}.
 */
public record MemberProfileChanged(String memberId, Instant changedAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.network.profile.changed.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return memberId;
	}

}
