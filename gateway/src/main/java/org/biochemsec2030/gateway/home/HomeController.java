package org.biochemsec2030.gateway.home;

import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;

/** The site's front page, composed from every service (see {@link HomeSections}). */
@Controller
@EnableConfigurationProperties(HomeProperties.class)
class HomeController {

	private final HomeSections sections;

	HomeController(HomeSections sections) {
		this.sections = sections;
	}

	@GetMapping("/")
	Mono<Rendering> home() {
		return this.sections.all().map(all -> Rendering.view("home").modelAttribute("sections", all).build());
	}

}
