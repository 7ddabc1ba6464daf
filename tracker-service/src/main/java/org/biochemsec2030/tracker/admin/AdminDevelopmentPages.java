package org.biochemsec2030.tracker.admin;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.platform.taxonomy.Topic;
import org.biochemsec2030.tracker.assessment.AssessmentInput;
import org.biochemsec2030.tracker.assessment.AssessmentService;
import org.biochemsec2030.tracker.assessment.Implication;
import org.biochemsec2030.tracker.development.DevelopmentService;
import org.biochemsec2030.tracker.development.DevelopmentView;
import org.biochemsec2030.tracker.development.PromoteRequest;
import org.biochemsec2030.tracker.item.ItemService;
import org.biochemsec2030.tracker.item.QueueFilter;
import org.biochemsec2030.tracker.publication.PublicationService;
import org.biochemsec2030.tracker.support.Conflict;
import org.biochemsec2030.tracker.support.InvalidInput;
import org.biochemsec2030.tracker.support.NotFound;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin tool's triage queue, developments, assessment form and hazard review. The
 * hazard review shows analysts what the gate will let out before they publish: the public
 * summary, whether a second analyst reviewed it as it stands, and why it cannot be
 * published yet.
 */
@Controller
class AdminDevelopmentPages {

	private static final String DEVELOPMENTS = AdminForms.BASE + "/developments";

	private final ItemService items;

	private final DevelopmentService developments;

	private final AssessmentService assessments;

	private final PublicationService publications;

	private final Clock clock;

	AdminDevelopmentPages(ItemService items, DevelopmentService developments, AssessmentService assessments,
			PublicationService publications, Clock clock) {
		this.items = items;
		this.developments = developments;
		this.assessments = assessments;
		this.publications = publications;
		this.clock = clock;
	}

	/** An assessment as the form sends it: every field as typed. */
	record AssessmentForm(String field, List<String> provisions, List<String> implications, String trl,
			String likelihood, String impact, String confidence, String hardMeasures, String softMeasures,
			String rationale, List<String> itemIds) {

		static AssessmentForm empty(DevelopmentView development) {
			return new AssessmentForm("", List.of(), List.of(), "", "", "", "", "", "", "",
					development.itemIds().stream().map(UUID::toString).toList());
		}

		AssessmentForm {
			provisions = (provisions != null) ? provisions : List.of();
			implications = (implications != null) ? implications : List.of();
			itemIds = (itemIds != null) ? itemIds : List.of();
		}

	}

	@GetMapping(AdminForms.BASE + "/queue")
	String queue(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(required = false) String done, Model model, HttpServletResponse response) {
		AdminForms.messages(model, done);
		model.addAttribute("status", (status != null) ? status : "new");
		model.addAttribute("q", (q != null) ? q : "");
		try {
			model.addAttribute("items",
					this.items.queue(QueueFilter.of(status, false, null, null, null, q, 0, QueueFilter.MAX_SIZE)));
		}
		catch (InvalidInput ex) {
			AdminForms.invalid(model, ex, response);
			model.addAttribute("items", List.of());
		}
		return "tracker-admin/queue";
	}

	@PostMapping(AdminForms.BASE + "/queue/{id}/dismiss")
	String dismiss(@PathVariable UUID id) {
		this.items.decide(id, true, AdminForms.actor().id(), this.clock.instant());
		return "redirect:" + AdminForms.BASE + "/queue?done=dismissed";
	}

	@PostMapping(AdminForms.BASE + "/queue/promote")
	String promote(@RequestParam(name = "itemId", required = false) List<UUID> itemIds,
			@RequestParam(required = false) String title, Model model, HttpServletResponse response) {
		try {
			DevelopmentView made = this.developments.promote(new PromoteRequest((itemIds != null) ? itemIds : List.of(),
					null, (title == null || title.isBlank()) ? null : title), AdminForms.actor());
			return "redirect:" + DEVELOPMENTS + "/" + made.id() + "?done=promoted";
		}
		catch (InvalidInput | Conflict ex) {
			String why = (ex instanceof InvalidInput invalid) ? invalid.problems().getFirst().message()
					: ex.getMessage();
			model.addAttribute("problem", "Nothing was promoted: " + why + ".");
			model.addAttribute("notice", null);
			model.addAttribute("errors", Map.of());
			model.addAttribute("status", "new");
			model.addAttribute("q", "");
			model.addAttribute("items", this.items.queue(QueueFilter.newItems()));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "tracker-admin/queue";
		}
	}

	@GetMapping(DEVELOPMENTS)
	String developments(Model model) {
		AdminForms.messages(model, null);
		model.addAttribute("developments", this.developments.list(null, 0, 100));
		return "tracker-admin/developments";
	}

	@GetMapping(DEVELOPMENTS + "/{id}")
	String development(@PathVariable UUID id, @RequestParam(required = false) String done, Model model) {
		AdminForms.messages(model, done);
		DevelopmentView development = this.developments.find(id);
		return developmentPage(model, development, AssessmentForm.empty(development));
	}

	@PostMapping(DEVELOPMENTS + "/{id}/assessments")
	String assess(@PathVariable UUID id, @ModelAttribute AssessmentForm form, Model model,
			HttpServletResponse response) {
		AdminForms.messages(model, null);
		DevelopmentView development = this.developments.find(id);
		try {
			List<InvalidInput.FieldProblem> problems = new ArrayList<>();
			Integer trl = AdminForms.number("trl", form.trl(), problems);
			Integer likelihood = AdminForms.number("likelihood", form.likelihood(), problems);
			Integer impact = AdminForms.number("impact", form.impact(), problems);
			List<UUID> itemIds = new ArrayList<>();
			for (String itemId : form.itemIds()) {
				try {
					itemIds.add(UUID.fromString(itemId));
				}
				catch (IllegalArgumentException ex) {
					problems.add(new InvalidInput.FieldProblem("itemIds", "choose items of this development"));
				}
			}
			AdminForms.check(problems);
			this.assessments.record(id,
					new AssessmentInput(form.field(), form.provisions(), form.implications(), trl, likelihood, impact,
							form.confidence(), AdminForms.lines(form.hardMeasures()),
							AdminForms.lines(form.softMeasures()), form.rationale(), itemIds),
					AdminForms.actor());
			return "redirect:" + DEVELOPMENTS + "/" + id + "?done=assessed";
		}
		catch (InvalidInput ex) {
			AdminForms.invalid(model, ex, response);
			return developmentPage(model, development, form);
		}
	}

	@PostMapping(DEVELOPMENTS + "/{id}/hazard")
	String hazard(@PathVariable UUID id, @RequestParam(required = false) String hazard) {
		boolean flag = "true".equals(hazard);
		this.publications.setHazard(id, flag, AdminForms.actor());
		return "redirect:" + DEVELOPMENTS + "/" + id + "?done=" + (flag ? "hazard-on" : "hazard-off");
	}

	@PostMapping(DEVELOPMENTS + "/{id}/public-summary")
	String publicSummary(@PathVariable UUID id, @RequestParam(required = false) String publicSummary, Model model,
			HttpServletResponse response) {
		try {
			this.publications.writePublicSummary(id, publicSummary, AdminForms.actor());
			return "redirect:" + DEVELOPMENTS + "/" + id + "?done=summary-saved";
		}
		catch (InvalidInput ex) {
			AdminForms.messages(model, null);
			AdminForms.invalid(model, ex, response);
			DevelopmentView development = this.developments.find(id);
			developmentPage(model, development, AssessmentForm.empty(development));
			model.addAttribute("publicSummary", (publicSummary != null) ? publicSummary : "");
			return "tracker-admin/development";
		}
	}

	@PostMapping(DEVELOPMENTS + "/{id}/review")
	String review(@PathVariable UUID id, Model model, HttpServletResponse response) {
		return step(id, "reviewed", () -> this.publications.review(id, AdminForms.actor()), model, response);
	}

	@PostMapping(DEVELOPMENTS + "/{id}/publish")
	String publish(@PathVariable UUID id, Model model, HttpServletResponse response) {
		return step(id, "published", () -> this.publications.publish(id, AdminForms.actor()), model, response);
	}

	@PostMapping(DEVELOPMENTS + "/{id}/withdraw")
	String withdraw(@PathVariable UUID id, Model model, HttpServletResponse response) {
		return step(id, "withdrawn", () -> this.publications.withdraw(id, AdminForms.actor()), model, response);
	}

	/** A workflow step: done, or the page again saying why not (409). */
	private String step(UUID id, String done, Runnable action, Model model, HttpServletResponse response) {
		try {
			action.run();
			return "redirect:" + DEVELOPMENTS + "/" + id + "?done=" + done;
		}
		catch (Conflict ex) {
			AdminForms.messages(model, null);
			AdminForms.refused(model, ex.getMessage(), response);
			DevelopmentView development = this.developments.find(id);
			return developmentPage(model, development, AssessmentForm.empty(development));
		}
	}

	private String developmentPage(Model model, DevelopmentView development, AssessmentForm form) {
		PublicationService.Status status = this.publications.status(development.id());
		model.addAttribute("development", development);
		model.addAttribute("items", development.itemIds().stream().flatMap(i -> this.items.find(i).stream()).toList());
		model.addAttribute("comparison", this.assessments.compare(development.id()));
		model.addAttribute("status", status);
		if (!model.containsAttribute("publicSummary")) {
			model.addAttribute("publicSummary", status.publicSummary());
		}
		model.addAttribute("form", form);
		model.addAttribute("fields", List.of(Topic.values()));
		model.addAttribute("regimes", List.of(Regime.values()));
		model.addAttribute("implications", List.of(Implication.values()));
		return "tracker-admin/development";
	}

	/** An unknown development or item: the site's 404 page. */
	@ExceptionHandler(NotFound.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

}
