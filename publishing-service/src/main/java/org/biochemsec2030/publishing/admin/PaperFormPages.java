package org.biochemsec2030.publishing.admin;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.platform.taxonomy.Topic;
import org.biochemsec2030.publishing.meeting.MeetingService;
import org.biochemsec2030.publishing.paper.EditorialPaper;
import org.biochemsec2030.publishing.paper.Licence;
import org.biochemsec2030.publishing.paper.PaperInput;
import org.biochemsec2030.publishing.paper.PaperService;
import org.biochemsec2030.publishing.paper.PaperState;
import org.biochemsec2030.publishing.support.InvalidInput;
import org.biochemsec2030.publishing.support.NotFound;
import org.biochemsec2030.publishing.support.Publishers;
import org.biochemsec2030.publishing.support.WorkflowConflict;
import org.biochemsec2030.platform.pages.FormKeys;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Writing a paper's text in the admin tool: a new draft, and changes to the working
 * version while the workflow allows them (a draft, or a paper waiting for revisions).
 * Both go through {@link PaperService#create} and {@link PaperService#update}, the one
 * write path the API uses too. A form with something to fix comes back (400) with every
 * field as typed and the message beside it; a paper the workflow does not let be edited
 * is explained (409), and text sent for it is shown again rather than lost.
 */
@Controller
@RequestMapping(PublishingAdminPages.BASE + "/papers")
@PreAuthorize(Publishers.ONLY)
class PaperFormPages {

	private static final String BASE = PublishingAdminPages.BASE + "/papers";

	private final PaperService papers;

	private final MeetingService meetings;

	private final FormKeys keys;

	private final Validator validator;

	PaperFormPages(PaperService papers, MeetingService meetings, FormKeys keys, Validator validator) {
		this.papers = papers;
		this.meetings = meetings;
		this.keys = keys;
		this.validator = validator;
	}

	/**
	 * A checkbox or option: the value sent, what the reader sees, whether it is chosen.
	 */
	record Choice(String value, String label, boolean checked) {

	}

	@GetMapping("/new")
	String newPaper(Model model) {
		return page(model, null, PaperForm.empty(), Map.of(), null, FormKeys.draw());
	}

	@PostMapping("/new")
	String create(Model model, @RequestParam MultiValueMap<String, String> params, HttpServletResponse response) {
		PaperForm form = PaperForm.read(params);
		String formKey = formKey(params);
		try {
			return "redirect:" + this.keys.once(formKey, BASE + "/new", () -> {
				EditorialPaper created = this.papers.create(actor(), checked(form));
				return BASE + "/" + created.id() + "?done=created";
			});
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, null, form, errors(form, ex), null, formKey);
		}
	}

	@GetMapping("/{id}/edit")
	String edit(Model model, @PathVariable UUID id, HttpServletResponse response) {
		EditorialPaper paper = this.papers.editorial(id);
		if (!editable(paper)) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return page(model, paper, null, Map.of(), refusal(paper), null);
		}
		return page(model, paper, PaperForm.of(paper.working()), Map.of(), null, FormKeys.draw());
	}

	@PostMapping("/{id}/edit")
	String update(Model model, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> params,
			HttpServletResponse response) {
		PaperForm form = PaperForm.read(params);
		String formKey = formKey(params);
		try {
			return "redirect:" + this.keys.once(formKey, BASE + "/" + id + "/edit", () -> {
				this.papers.update(actor(), id, checked(form));
				return BASE + "/" + id + "?done=edited";
			});
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, this.papers.editorial(id), form, errors(form, ex), null, formKey);
		}
		catch (WorkflowConflict ex) {
			// The text stays on the page (to copy into a new version, say); the form is
			// not offered again.
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			EditorialPaper paper = this.papers.editorial(id);
			return page(model, paper, form, Map.of(), refusal(paper), null);
		}
	}

	/** An unknown paper, or an address that names none, is not found. */
	@ExceptionHandler({ NotFound.class, MethodArgumentTypeMismatchException.class })
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	/**
	 * The form page. With {@code formKey} null the form is not offered (the paper cannot
	 * be edited); {@code form} is then what was sent, shown read-only, or nothing.
	 */
	private String page(Model model, EditorialPaper paper, PaperForm form, Map<String, String> errors, String problem,
			String formKey) {
		model.addAttribute("paper", paper);
		model.addAttribute("paperUrl", (paper != null) ? BASE + "/" + paper.id() : null);
		model.addAttribute("action", (paper != null) ? BASE + "/" + paper.id() + "/edit" : BASE + "/new");
		model.addAttribute("form", form);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("problem", problem);
		model.addAttribute("formKey", formKey);
		if (form != null) {
			model.addAttribute("authorRows", form.rows());
			model.addAttribute("topicChoices",
					Arrays.stream(Topic.values())
						.map(t -> new Choice(t.slug(), t.label(), form.topics().contains(t.slug())))
						.toList());
			model.addAttribute("regimeChoices",
					Arrays.stream(Regime.values())
						.map(r -> new Choice(r.code(), r.code() + " · " + r.label(),
								form.regimes().stream().anyMatch(r.code()::equalsIgnoreCase)))
						.toList());
			String licence = (form.licence().isBlank()) ? Licence.DEFAULT.spdx() : form.licence();
			model.addAttribute("licenceChoices",
					Arrays.stream(Licence.values())
						.map(l -> new Choice(l.spdx(), l.title(), l.spdx().equalsIgnoreCase(licence)))
						.toList());
			model.addAttribute("meetingChoices", this.meetings.all()
				.stream()
				.map(m -> new Choice(m.slug(), m.name() + " (" + m.startsOn() + ")", m.slug().equals(form.meeting())))
				.toList());
		}
		return "publishing/admin/edit";
	}

	/**
	 * The input, with the form's constraints checked; what could not be read and what
	 * breaks a constraint are thrown together (the service checks the rest: topics,
	 * regimes, licence, meeting, BibTeX).
	 */
	private PaperInput checked(PaperForm form) {
		Map<String, String> unread = new LinkedHashMap<>();
		PaperInput input = form.input(unread);
		Map<String, String> problems = new LinkedHashMap<>(unread);
		for (ConstraintViolation<PaperInput> violation : this.validator.validate(input)) {
			problems.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems.entrySet()
				.stream()
				.map(e -> new InvalidInput.FieldProblem(e.getKey(), e.getValue()))
				.toList());
		}
		return input;
	}

	private static Map<String, String> errors(PaperForm form, InvalidInput ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.problems().forEach(p -> errors.merge(form.fieldOf(p), p.message(), (a, b) -> a + "; " + b));
		return errors;
	}

	private static boolean editable(EditorialPaper paper) {
		PaperState state = PaperState.valueOf(paper.state());
		return state == PaperState.DRAFT || state == PaperState.REVISIONS;
	}

	private static String refusal(EditorialPaper paper) {
		PaperState state = PaperState.valueOf(paper.state());
		String refused = "Only a draft or a paper waiting for revisions can be edited; this one is " + state.label()
				+ ".";
		// A published version never changes: what readers have stays as they read it.
		return (state == PaperState.PUBLISHED)
				? refused + " To change it, start its next version (POST /api/publishing/v1/papers/" + paper.id()
						+ "/versions with what changed and why); the published version stays up meanwhile."
				: refused;
	}

	private static String formKey(MultiValueMap<String, String> params) {
		String key = params.getFirst("formKey");
		return (key != null) ? key : "";
	}

	private static Actor actor() {
		return Actor.current().orElseThrow();
	}

}
