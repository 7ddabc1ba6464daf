package org.biochemsec2030.tracker.publication;

import java.util.UUID;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.tracker.support.Analysts;
import org.biochemsec2030.tracker.support.InvalidInput;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The hazard flag, the public summary and its review, publication, for analysts. */
@RestController
@PreAuthorize(Analysts.ONLY)
class PublicationController {

	private static final String BASE = "/api/tracker/v1/analysis/developments/{id}/publication";

	private final PublicationService publications;

	PublicationController(PublicationService publications) {
		this.publications = publications;
	}

	@GetMapping(BASE)
	PublicationService.Status status(@PathVariable UUID id) {
		return this.publications.status(id);
	}

	@PostMapping(BASE + "/hazard")
	PublicationService.Status hazard(@PathVariable UUID id, @RequestBody HazardFlag flag) {
		if (flag.hazard() == null) {
			throw InvalidInput.of("hazard", "say true or false");
		}
		return this.publications.setHazard(id, flag.hazard(), actor());
	}

	@PutMapping(BASE + "/public-summary")
	PublicationService.Status publicSummary(@PathVariable UUID id, @RequestBody PublicSummary summary) {
		return this.publications.writePublicSummary(id, summary.publicSummary(), actor());
	}

	@PostMapping(BASE + "/public-summary/review")
	PublicationService.Status review(@PathVariable UUID id) {
		return this.publications.review(id, actor());
	}

	@PostMapping(BASE + "/publish")
	PublicationService.Status publish(@PathVariable UUID id) {
		return this.publications.publish(id, actor());
	}

	@PostMapping(BASE + "/withdraw")
	PublicationService.Status withdraw(@PathVariable UUID id) {
		return this.publications.withdraw(id, actor());
	}

	private static Actor actor() {
		return Actor.current().orElseThrow();
	}

	record HazardFlag(Boolean hazard) {
	}

	record PublicSummary(String publicSummary) {
	}

}
