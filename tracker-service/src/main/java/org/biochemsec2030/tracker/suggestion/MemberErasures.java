package org.biochemsec2030.tracker.suggestion;

import org.biochemsec2030.contracts.network.MemberErased;
import org.biochemsec2030.contracts.network.NetworkEvents;
import org.biochemsec2030.platform.events.EventSubscription;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tracker's one subscription to the network's topic: a member's erasure anonymises
 * their suggestions. Other network events are skipped (and marked handled in the inbox,
 * which also makes a redelivered erasure a no-op).
 */
@Configuration(proxyBeanMethods = false)
class MemberErasures {

	static final String GROUP = "tracker-service";

	@Bean
	EventSubscription suggestionsAnonymisedOnErasure(SuggestionService suggestions, JsonMapper json) {
		return new EventSubscription(GROUP, NetworkEvents.TOPIC, event -> {
			if (MemberErased.TYPE.equals(event.type())) {
				suggestions.anonymise(event.data(json, MemberErased.class).memberId());
			}
		});
	}

}
