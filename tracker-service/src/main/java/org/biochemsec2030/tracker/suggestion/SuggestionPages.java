package org.biochemsec2030.tracker.suggestion;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.tracker.support.InvalidInput;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The form members suggest a source with. Sending it needs a sign-in (every write does);
 * the suggestion is linked to the member who sent it.
 */
@Controller
class SuggestionPages {

	private static final String PATH = "/tracker/suggest";

	private final SuggestionService suggestions;

	SuggestionPages(SuggestionService suggestions) {
		this.suggestions = suggestions;
	}

	@GetMapping(PATH)
	String form(@RequestParam(required = false) String done, Model model) {
		return page(model, "", "", Map.of(), "thanks".equals(done));
	}

	@PostMapping(PATH)
	String suggest(@RequestParam(required = false) String url, @RequestParam(required = false) String reason,
			Model model, HttpServletResponse response) {
		try {
			this.suggestions.suggest(url, reason, Actor.current().orElseThrow());
			return "redirect:" + PATH + "?done=thanks";
		}
		catch (InvalidInput ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.problems().forEach(problem -> errors.putIfAbsent(problem.field(), problem.message()));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, (url != null) ? url : "", (reason != null) ? reason : "", errors, false);
		}
	}

	private static String page(Model model, String url, String reason, Map<String, String> errors, boolean thanks) {
		model.addAttribute("url", url);
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		model.addAttribute("thanks", thanks);
		return "tracker/suggest";
	}

}
