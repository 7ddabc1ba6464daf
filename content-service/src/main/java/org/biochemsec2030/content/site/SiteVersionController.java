package org.biochemsec2030.content.site;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The site version the kept pages are rendered at (see {@link RenderedPages}): the
 * gateway reads it a few times a second to know when the pages it keeps itself are out of
 * date. A number that only grows, with nothing else in it, so it is public.
 */
@RestController
class SiteVersionController {

	private final RenderedPages pages;

	SiteVersionController(RenderedPages pages) {
		this.pages = pages;
	}

	/** The version, as the gateway's kept pages read it. */
	record SiteVersion(long version) {
	}

	@GetMapping("/api/content/v1/site-version")
	ResponseEntity<SiteVersion> version() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new SiteVersion(this.pages.currentVersion()));
	}

}
