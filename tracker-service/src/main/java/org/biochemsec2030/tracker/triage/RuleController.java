package org.biochemsec2030.tracker.triage;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.tracker.item.ItemService;
import org.biochemsec2030.tracker.support.Analysts;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Triage rules for analysts, and running them again over the undecided items. */
@RestController
@PreAuthorize(Analysts.ONLY)
class RuleController {

	private static final String BASE = "/api/tracker/v1/rules";

	private final RuleService rules;

	private final ItemService items;

	RuleController(RuleService rules, ItemService items) {
		this.rules = rules;
		this.items = items;
	}

	@GetMapping(BASE)
	List<TriageRule> all() {
		return this.rules.all();
	}

	@GetMapping(BASE + "/{id}")
	TriageRule one(@PathVariable UUID id) {
		return this.rules.find(id);
	}

	@PostMapping(BASE)
	ResponseEntity<TriageRule> add(@RequestBody RuleInput input) {
		TriageRule rule = this.rules.add(input, Actor.current().orElseThrow());
		return ResponseEntity.created(URI.create(BASE + "/" + rule.id())).body(rule);
	}

	@PutMapping(BASE + "/{id}")
	TriageRule update(@PathVariable UUID id, @RequestBody RuleInput input) {
		return this.rules.update(id, input);
	}

	@PostMapping(BASE + "/{id}/enable")
	TriageRule enable(@PathVariable UUID id) {
		this.rules.enable(id, true);
		return this.rules.find(id);
	}

	@PostMapping(BASE + "/{id}/disable")
	TriageRule disable(@PathVariable UUID id) {
		this.rules.enable(id, false);
		return this.rules.find(id);
	}

	@DeleteMapping(BASE + "/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.rules.delete(id);
		return ResponseEntity.noContent().build();
	}

	/** The current rules over every item no analyst has decided about. */
	@PostMapping(BASE + "/rerun")
	Rerun rerun() {
		return new Rerun(this.items.reclassify());
	}

	/** How many items the rules judged again. */
	record Rerun(int judged) {
	}

}
