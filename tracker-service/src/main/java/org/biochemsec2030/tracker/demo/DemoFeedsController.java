package org.biochemsec2030.tracker.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.biochemsec2030.tracker.source.OwnFeeds;
import org.biochemsec2030.tracker.support.TrackerProperties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The demo sources: three feeds, one per format, served from the classpath so a demo
 * suite has something to poll without reaching the internet. They exist only with demo
 * data on; without it the path is not found.
 */
@Controller
class DemoFeedsController {

	/** The feeds by name, each with the type its format is served as. */
	static final Map<String, MediaType> FEEDS = Map.of("science-wire.xml",
			MediaType.parseMediaType("application/rss+xml"), "journal-alerts.xml",
			MediaType.parseMediaType("application/atom+xml"), "policy-digest.json",
			MediaType.parseMediaType("application/feed+json"));

	private final boolean demo;

	DemoFeedsController(TrackerProperties properties) {
		this.demo = properties.demo();
	}

	@GetMapping(OwnFeeds.PATH + "{name}")
	ResponseEntity<byte[]> feed(@PathVariable String name) throws IOException {
		MediaType type = FEEDS.get(name);
		if (!this.demo || type == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		try (InputStream body = new ClassPathResource("demo/feeds/" + name).getInputStream()) {
			return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache()).body(body.readAllBytes());
		}
	}

}
