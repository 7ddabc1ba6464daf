package org.biochemsec2030.network.digest;

import org.biochemsec2030.contracts.content.ContentEvents;
import org.biochemsec2030.contracts.content.PostPublished;
import org.biochemsec2030.contracts.publishing.PaperPublished;
import org.biochemsec2030.contracts.publishing.PublishingEvents;
import org.biochemsec2030.contracts.tracker.DevelopmentPublished;
import org.biochemsec2030.contracts.tracker.TrackerEvents;
import org.biochemsec2030.contracts.tracker.WatchlistMatched;
import org.biochemsec2030.platform.events.EventSubscription;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One subscription per upstream topic, in the group {@value #GROUP}: the producers' own
 * topics, their complete record. Each event is handled once (the platform's inbox, in the
 * item's transaction); other event types on these topics are skipped. Members' watchlist
 * alerts come on the tracker's topic too ({@link WatchlistAlerts}). The network's own
 * meetings are read from its own tables when a digest is made.
 */
@Configuration(proxyBeanMethods = false)
class DigestSubscriptions {

	static final String GROUP = "network-service-digests";

	@Bean
	EventSubscription postsToDigests(DigestItems items, JsonMapper json) {
		return new EventSubscription(GROUP, ContentEvents.TOPIC, event -> {
			if (PostPublished.TYPE.equals(event.type())) {
				PostPublished post = event.data(json, PostPublished.class);
				items.record("post", post.postId(), post.title(), post.summary(), post.url(), post.topics(),
						post.publishedAt());
			}
		});
	}

	@Bean
	EventSubscription developmentsToDigests(DigestItems items, WatchlistAlerts alerts, JsonMapper json) {
		return new EventSubscription(GROUP, TrackerEvents.TOPIC, event -> {
			if (DevelopmentPublished.TYPE.equals(event.type())) {
				DevelopmentPublished development = event.data(json, DevelopmentPublished.class);
				items.record("development", development.developmentId(), development.title(), development.summary(),
						development.url(), development.topics(), development.publishedAt());
			}
			else if (WatchlistMatched.TYPE.equals(event.type())) {
				alerts.record(event.data(json, WatchlistMatched.class));
			}
		});
	}

	@Bean
	EventSubscription papersToDigests(DigestItems items, JsonMapper json) {
		return new EventSubscription(GROUP, PublishingEvents.TOPIC, event -> {
			if (PaperPublished.TYPE.equals(event.type())) {
				PaperPublished paper = event.data(json, PaperPublished.class);
				items.record("paper", paper.paperId(), paper.title(), paper.summary(), paper.url(), paper.topics(),
						paper.publishedAt());
			}
		});
	}

}
