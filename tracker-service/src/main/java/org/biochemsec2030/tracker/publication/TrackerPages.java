package org.biochemsec2030.tracker.publication;

import java.util.List;

import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.platform.taxonomy.Topic;
import org.biochemsec2030.tracker.assessment.Implication;
import org.biochemsec2030.tracker.support.InvalidInput;
import org.biochemsec2030.tracker.support.NotFound;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The tracker's public pages: published developments, filterable, and one page each.
 * Everything on them comes from the gate's public view.
 */
@Controller
class TrackerPages {

	private final PublicationService publications;

	TrackerPages(PublicationService publications) {
		this.publications = publications;
	}

	@GetMapping("/tracker")
	String list(@RequestParam(required = false) String field, @RequestParam(required = false) String regime,
			@RequestParam(required = false) String maturity, @RequestParam(required = false) String implication,
			Model model) {
		PublicFilter filter;
		try {
			filter = PublicFilter.of(field, regime, maturity, implication);
		}
		catch (InvalidInput ex) {
			// A filter from an old or edited link: say so and show everything.
			model.addAttribute("problems", ex.problems().stream().map(InvalidInput.FieldProblem::message).toList());
			filter = PublicFilter.NONE;
		}
		PublicFilter chosen = filter;
		model.addAttribute("developments", this.publications.published().stream().filter(chosen::matches).toList());
		model.addAttribute("filter", chosen);
		model.addAttribute("fields", List.of(Topic.values()));
		model.addAttribute("regimes", List.of(Regime.values()));
		model.addAttribute("bands", List.of(PublicFilter.Band.values()));
		model.addAttribute("implications", List.of(Implication.values()));
		return "tracker/index";
	}

	@GetMapping("/tracker/{slug}")
	String development(@PathVariable String slug, Model model) {
		try {
			model.addAttribute("development", this.publications.publicView(slug));
		}
		catch (NotFound ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "tracker/development";
	}

}
