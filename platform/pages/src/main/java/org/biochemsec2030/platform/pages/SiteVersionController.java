package org.biochemsec2030.platform.pages;

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
public class SiteVersionController {

	private final SiteVersion version;

	public SiteVersionController(SiteVersion version) {
		this.version = version;
	}

	/** The version, as the gateway's kept pages read it. */
	public record Version(long version) {
	}

	@GetMapping("/api/${bcs.pages.service}/v1/site-version")
	public ResponseEntity<Version> version() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Version(this.version.current()));
	}

}
