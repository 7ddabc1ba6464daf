package org.biochemsec2030.content.site;

import org.biochemsec2030.content.page.PageService;
import org.biochemsec2030.content.page.PageView;
import org.biochemsec2030.content.site.SiteViews.StandingPage;
import org.biochemsec2030.content.site.SiteViews.When;
import org.biochemsec2030.content.support.ContentProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Standing pages (about, contact...), public as soon as they are saved. */
@Controller
class StandingPageController {

	private final PageService pages;

	private final ContentProperties properties;

	StandingPageController(PageService pages, ContentProperties properties) {
		this.pages = pages;
		this.properties = properties;
	}

	@GetMapping("/pages/{slug}")
	String page(@PathVariable String slug, Model model) {
		PageView page = this.pages.bySlug(slug);
		model.addAttribute("page", new StandingPage(page.title(), page.html(), When.day(page.updatedAt()),
				this.properties.absolute(page.url())));
		return "site/page";
	}

}
