package org.biochemsec2030.tracker.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.tracker.support.Csv;
import org.biochemsec2030.tracker.support.InvalidInput;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * S&T review exports at addresses made of the regime and the period alone
 * ({@code /tracker/review/BWC/2026-01-01/2026-06-30}, with {@code .csv} and
 * {@code .json}), and a form that leads to one. They are public: everything in them is on
 * the site already.
 */
@Controller
class ReviewPages {

	private static final String BASE = "/tracker/review/{regime}/{from}/{to}";

	private final ReviewService reviews;

	ReviewPages(ReviewService reviews) {
		this.reviews = reviews;
	}

	/**
	 * The form; with a period chosen, the way to its address. A period that cannot be
	 * used gives the form again with a message beside each field and what was typed.
	 */
	@GetMapping("/tracker/review")
	String form(@RequestParam(required = false) String regime, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model, HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (regime != null || from != null || to != null) {
			try {
				return "redirect:" + ReviewPeriod.of(regime, from, to).path();
			}
			catch (InvalidInput ex) {
				ex.problems().forEach(problem -> errors.putIfAbsent(problem.field(), problem.message()));
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("regime", (regime != null) ? regime : "");
		model.addAttribute("from", (from != null) ? from : "");
		model.addAttribute("to", (to != null) ? to : "");
		model.addAttribute("regimes", List.of(Regime.values()));
		return "tracker/review-form";
	}

	@GetMapping(BASE)
	String report(@PathVariable String regime, @PathVariable String from, @PathVariable String to, Model model) {
		model.addAttribute("review", this.reviews.review(period(regime, from, to)));
		return "tracker/review";
	}

	@GetMapping(BASE + ".csv")
	ResponseEntity<String> csv(@PathVariable String regime, @PathVariable String from, @PathVariable String to) {
		Review review = this.reviews.review(period(regime, from, to));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(Csv.MEDIA_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"st-review-" + review.id() + ".csv\"")
			.body(review.asCsv());
	}

	@GetMapping(path = BASE + ".json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Review json(@PathVariable String regime, @PathVariable String from, @PathVariable String to) {
		return this.reviews.review(period(regime, from, to));
	}

	/** A period from an address; one that cannot be used is a 400, never a 500. */
	private static ReviewPeriod period(String regime, String from, String to) {
		try {
			return ReviewPeriod.of(regime, from, to);
		}
		catch (InvalidInput ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
	}

}
