package org.biochemsec2030.tracker.site;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The tracker's public landing page: what is tracked and why. Published developments come
 * with their own feature.
 */
@Controller
class TrackerPage {

	@GetMapping("/tracker")
	String page() {
		return "tracker/index";
	}

}
