package org.biochemsec2030.contracts.tracker;

import java.time.Instant;
import java.util.List;

import org.biochemsec2030.contracts.EventContract;

/**
 * A development was published that a member's or a partner's watchlist asks for: the
 * alert that the network's digests (members) and publishing's partner subscriptions
 * (partners) deliver. One event per watchlist and development. Internal (it names who
 * watches): never on {@code bcs.public}. The development's part is its public view only.
 *
 * @param ownerKind {@code member} or {@code partner}
 * @param ownerId the member's account id (the token's subject, which network-service maps
 * to the member) or the partner's id (publishing)
 * @param fields the topic slugs it matched by; {@code regimes} the regime codes
 */
public record WatchlistMatched(String watchlistId, String ownerKind, String ownerId, String developmentId, String title,
		String summary, String url, List<String> fields, List<String> regimes,
		Instant publishedAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.tracker.watchlist.matched.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return watchlistId;
	}

}
