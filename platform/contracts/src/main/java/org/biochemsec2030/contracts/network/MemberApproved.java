package org.biochemsec2030.contracts.network;

import java.time.Instant;
import java.util.List;

import org.biochemsec2030.contracts.EventContract;

/**
 * An applicant was approved and is now a member of the network. Internal to the suite
 * (never on {@code bcs.public}), and without personal details: other services learn that
 * a member exists and what interests them, not who they are.
 */
public record MemberApproved(String memberId, List<String> interests, Instant approvedAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.network.member.approved.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return memberId;
	}

}
