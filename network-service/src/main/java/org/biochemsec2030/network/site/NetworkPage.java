package org.biochemsec2030.network.site;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The network's public landing page: what it is and how to join. Applications and
 * meetings come with their own features.
 */
@Controller
class NetworkPage {

	@GetMapping("/network")
	String page() {
		return "network/index";
	}

}
