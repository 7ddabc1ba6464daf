package org.biochemsec2030.gateway.home;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

/** The site's front page, composed from every service (see {@link HomeSections}). */
@Controller
@EnableConfigurationProperties(HomeProperties.class)
class HomeController {

	private final HomeSections sections;

	HomeController(HomeSections sections) {
		this.sections = sections;
	}

	@GetMapping("/")
	Mono<Rendering> home(ServerWebExchange exchange) {
		// The sections a page about to be kept was rendered from (see RenderedHomePage).
		List<HomeSection> given = exchange.getAttribute(RenderedHomePage.SECTIONS);
		Mono<List<HomeSection>> sections = (given != null) ? Mono.just(given) : this.sections.all();
		return sections.map(all -> Rendering.view("home").modelAttribute("sections", all).build());
	}

}
