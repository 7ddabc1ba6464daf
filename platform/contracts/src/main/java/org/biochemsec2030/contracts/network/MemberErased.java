package org.biochemsec2030.contracts.network;

import java.time.Instant;
import java.util.List;

import org.biochemsec2030.contracts.EventContract;

/**
 * A member asked for erasure and network-service has removed what it held about them.
 * Every other service that keeps anything about the member deletes it on this event, and
 * search drops their documents. Internal: never on {@code bcs.public}.
 *
 * @param memberId the member's id in network-service
 * @param accountId the member's account (the Keycloak user id, the {@code sub} of their
 * tokens), which the other services know them by; null if they never had an account
 * @param erasedAt when network-service erased them
 */
public record MemberErased(String memberId, String accountId, Instant erasedAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.network.member.erased.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return memberId;
	}

	/** Every id the member may be known by elsewhere: the account, and the member id. */
	public List<String> ids() {
		return (this.accountId != null) ? List.of(this.accountId, this.memberId) : List.of(this.memberId);
	}

}
