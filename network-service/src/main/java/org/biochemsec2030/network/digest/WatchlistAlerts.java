package org.biochemsec2030.network.digest;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.contracts.tracker.WatchlistMatched;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the developments members' watchlists asked for, for their next digest. The
 * tracker knows a member by their account id (the token's subject), so the alert is kept
 * for the network's member with that account; one for a partner (publishing delivers
 * those), or for an account that is no active member (left, erased, unknown), is dropped:
 * nobody here would receive it.
 */
@Component
class WatchlistAlerts {

	static final String MEMBER = "member";

	private final JdbcClient jdbc;

	private final Clock clock;

	WatchlistAlerts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records the alert; false if it is not for an active member or was recorded before.
	 */
	boolean record(WatchlistMatched match) {
		if (!MEMBER.equals(match.ownerKind()) || match.ownerId() == null) {
			return false;
		}
		Optional<UUID> member = this.jdbc.sql("select id from member where keycloak_user_id = ? and status = 'active'")
			.param(match.ownerId())
			.query(UUID.class)
			.optional();
		if (member.isEmpty()) {
			return false;
		}
		return this.jdbc.sql("""
				insert into digest_watchlist_alert (watchlist_id, development_id, member_id, title, summary, url,
				                                    published_at, received_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (watchlist_id, development_id) do nothing
				""")
			.params(match.watchlistId(), match.developmentId(), member.get(), match.title(),
					(match.summary() != null) ? match.summary() : "", match.url(),
					Timestamp.from((match.publishedAt() != null) ? match.publishedAt() : this.clock.instant()),
					Timestamp.from(this.clock.instant()))
			.update() == 1;
	}

}
