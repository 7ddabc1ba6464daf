package org.biochemsec2030.tracker.erasure;

import org.biochemsec2030.contracts.network.MemberErased;
import org.biochemsec2030.contracts.network.NetworkEvents;
import org.biochemsec2030.platform.events.EventSubscription;
import org.biochemsec2030.tracker.suggestion.SuggestionService;
import org.biochemsec2030.tracker.watchlist.WatchlistService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tracker's one subscription to the network's topic: a member's erasure anonymises
 * their source suggestions and deletes their watchlist. Other network events are skipped
 * (and marked handled in the inbox, which also makes a redelivered erasure a no-op).
 */
@Configuration(proxyBeanMethods = false)
class MemberErasures {

	static final String GROUP = "tracker-service";

	@Bean
	EventSubscription memberErasedInTheTracker(SuggestionService suggestions, WatchlistService watchlists,
			JsonMapper json) {
		return new EventSubscription(GROUP, NetworkEvents.TOPIC, event -> {
			if (MemberErased.TYPE.equals(event.type())) {
				// The tracker knows a member by their account (their tokens' sub); events
				// from before accountId name the member id only.
				MemberErased erased = event.data(json, MemberErased.class);
				for (String member : erased.ids()) {
					suggestions.anonymise(member);
					watchlists.forgetMember(member);
				}
			}
		});
	}

}
