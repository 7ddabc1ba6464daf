package org.biochemsec2030.content.feed;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Feeds of the published posts (site-wide, or for one topic or regime) and the sitemap.
 * They live under {@code /feeds/**}, which the gateway routes to this service, so the
 * sitemap is at {@code /feeds/sitemap.xml} (announced to crawlers by robots.txt).
 */
@RestController
class FeedController {

	private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private static final MediaType JSON_FEED = MediaType.parseMediaType("application/feed+json;charset=UTF-8");

	// Feeds are polled by readers and aggregators: a few minutes of caching spares the
	// database and delays a new post by as little.
	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

	private final Feeds feeds;

	FeedController(Feeds feeds) {
		this.feeds = feeds;
	}

	@GetMapping("/feeds/posts.rss")
	ResponseEntity<String> rss(@RequestParam(required = false) String topic,
			@RequestParam(required = false) String regime) {
		return ResponseEntity.ok().contentType(RSS).cacheControl(CACHE).body(this.feeds.rss(topic, regime));
	}

	@GetMapping("/feeds/posts.atom")
	ResponseEntity<String> atom(@RequestParam(required = false) String topic,
			@RequestParam(required = false) String regime) {
		return ResponseEntity.ok().contentType(ATOM).cacheControl(CACHE).body(this.feeds.atom(topic, regime));
	}

	@GetMapping("/feeds/posts.json")
	ResponseEntity<String> jsonFeed(@RequestParam(required = false) String topic,
			@RequestParam(required = false) String regime) {
		return ResponseEntity.ok().contentType(JSON_FEED).cacheControl(CACHE).body(this.feeds.jsonFeed(topic, regime));
	}

	@GetMapping("/feeds/sitemap.xml")
	ResponseEntity<String> sitemap() {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_XML)
			.cacheControl(CACHE)
			.body(this.feeds.sitemap());
	}

}
