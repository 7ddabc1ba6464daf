package org.biochemsec2030.tracker.trends;

import java.util.List;

import org.biochemsec2030.tracker.support.Csv;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /tracker/trends}: the charts with their tables, and each series as CSV and JSON
 * at an address of its own that a paper can cite.
 */
@Controller
class TrendsPages {

	private final TrendsService trends;

	TrendsPages(TrendsService trends) {
		this.trends = trends;
	}

	@GetMapping("/tracker/trends")
	String page(Model model) {
		Trends trends = this.trends.trends();
		model.addAttribute("charts",
				trends.all().stream().map(series -> new Chart(series, Charts.of(series), series.isEmpty())).toList());
		return "tracker/trends";
	}

	@GetMapping(path = "/tracker/trends/{id}.csv")
	ResponseEntity<String> csv(@PathVariable String id) {
		Series series = series(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(Csv.MEDIA_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + series.id() + ".csv\"")
			.body(series.csv());
	}

	@GetMapping(path = "/tracker/trends/{id}.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Series json(@PathVariable String id) {
		return series(id);
	}

	private Series series(String id) {
		List<Series> all = this.trends.trends().all();
		return all.stream()
			.filter(series -> series.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/**
	 * A series on the page.
	 *
	 * @param svg drawn here from the series' own numbers and escaped text
	 */
	record Chart(Series series, String svg, boolean empty) {
	}

}
