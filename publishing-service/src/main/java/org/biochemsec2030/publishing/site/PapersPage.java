package org.biochemsec2030.publishing.site;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The briefing papers' public landing page. Published papers come with their own feature.
 */
@Controller
class PapersPage {

	@GetMapping("/papers")
	String page() {
		return "publishing/papers";
	}

}
