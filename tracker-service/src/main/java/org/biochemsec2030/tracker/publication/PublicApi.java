package org.biochemsec2030.tracker.publication;

import java.util.List;

import org.biochemsec2030.tracker.support.InvalidInput;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Published developments for anyone, in the suite's list shape (the home page reads the
 * first page): only what the hazard gate lets out.
 */
@RestController
class PublicApi {

	private static final String BASE = "/api/tracker/v1/developments";

	private final PublicationService publications;

	PublicApi(PublicationService publications) {
		this.publications = publications;
	}

	@GetMapping(BASE)
	Page list(@RequestParam(required = false) String field, @RequestParam(required = false) String regime,
			@RequestParam(required = false) String maturity, @RequestParam(required = false) String implication,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "10") int size) {
		if (size < 1 || size > 50) {
			throw InvalidInput.of("size", "use a page size from 1 to 50");
		}
		if (page < 0 || page > 10_000) {
			throw InvalidInput.of("page", "use a page number from 0 to 10000 (0 is the first page)");
		}
		PublicFilter filter = PublicFilter.of(field, regime, maturity, implication);
		List<PublicDevelopment> matching = this.publications.published().stream().filter(filter::matches).toList();
		List<PublicDevelopment> items = matching.stream().skip((long) page * size).limit(size).toList();
		return new Page(items, page, size, matching.size());
	}

	@GetMapping(BASE + "/{slug}")
	PublicDevelopment one(@PathVariable String slug) {
		return this.publications.publicView(slug);
	}

	record Page(List<PublicDevelopment> items, int page, int size, long total) {
	}

}
