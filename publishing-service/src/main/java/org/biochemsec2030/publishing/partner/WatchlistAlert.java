package org.biochemsec2030.publishing.partner;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.contracts.tracker.WatchlistMatched;

/**
 * The audience rule of tracker's watchlist alerts: an alert names one watchlist and its
 * owner, so it is for that owner alone. A partner's alert (owner id: the partner's id
 * here) goes to that partner and to no one else; a member's is the network's to deliver
 * (its digests), never a partner's. An owner id that is not a partner id of ours cannot
 * be anyone's here, so it is no one's rather than an error that would hold the topic.
 */
record WatchlistAlert(UUID partner, WatchlistMatched alert) {

	static final String PARTNER = "partner";

	/** The alert with the partner it is for, or empty when it is no partner's. */
	static Optional<WatchlistAlert> of(WatchlistMatched alert) {
		if (!PARTNER.equals(alert.ownerKind()) || alert.ownerId() == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(new WatchlistAlert(UUID.fromString(alert.ownerId().strip()), alert));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** Whether a partner may see (pull, be sent, ask for) an entry with this audience. */
	static boolean sees(UUID audience, UUID partner) {
		return audience == null || audience.equals(partner);
	}

	/**
	 * What subscription filters match the alert by: its {@code fields} are topic slugs,
	 * as an event's {@code topics} are.
	 */
	List<String> topics() {
		return (this.alert.fields() != null) ? this.alert.fields() : List.of();
	}

	List<String> regimes() {
		return (this.alert.regimes() != null) ? this.alert.regimes() : List.of();
	}

}
