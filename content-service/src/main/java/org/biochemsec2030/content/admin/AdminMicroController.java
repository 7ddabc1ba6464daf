package org.biochemsec2030.content.admin;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.biochemsec2030.content.admin.AdminViews.Listing;
import org.biochemsec2030.content.admin.AdminViews.Row;
import org.biochemsec2030.content.admin.AdminViews.Workflow;
import org.biochemsec2030.content.micro.EditorialMicroPost;
import org.biochemsec2030.content.micro.MicroPostService;
import org.biochemsec2030.content.support.Editors;
import org.biochemsec2030.content.support.Status;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import static org.biochemsec2030.content.admin.AdminForms.BASE;
import static org.biochemsec2030.content.admin.AdminForms.actor;
import static org.biochemsec2030.content.admin.AdminForms.label;

/**
 * The editors' tool for mini-posts: the list, the form (text of at most 500 characters,
 * the mini-post it answers, topics) and the workflow buttons. Mini-posts have no
 * revisions: an edit replaces the text, and on a published one shows at once.
 */
@Controller
@PreAuthorize(Editors.ONLY)
class AdminMicroController {

	private static final String MICRO = BASE + "/micro";

	private static final Listing LISTING = new Listing("Mini-posts", "micro", MICRO, MICRO + "/new", "New mini-post",
			"Status", true, "No mini-posts here.");

	/** How much of a mini-post's text stands for its title in lists. */
	private static final int EXCERPT = 80;

	private final MicroPostService micros;

	private final Validator validator;

	AdminMicroController(MicroPostService micros, Validator validator) {
		this.micros = micros;
		this.validator = validator;
	}

	@GetMapping(MICRO)
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "1") int page, Model model, HttpServletResponse response) {
		return AdminForms
			.list(model, LISTING, status, q, page,
					(filter, text, paging) -> AdminForms.rows(this.micros.editorial(filter, text, paging),
							p -> new Row(excerpt(p.text()), label(p.status()), AdminViews.time(p.updatedAt()),
									MICRO + "/" + p.id(), (p.status() == Status.PUBLISHED) ? p.url() : null)),
					response);
	}

	@GetMapping(MICRO + "/new")
	String create(@RequestParam(required = false) String replyTo, Model model) {
		MicroForm form = (replyTo != null) ? new MicroForm("", replyTo, java.util.List.of()) : MicroForm.empty();
		return form(model, null, form, Map.of(), null);
	}

	@PostMapping(MICRO)
	String create(@ModelAttribute MicroForm form, Model model, HttpServletResponse response) {
		return AdminForms.save(this.validator, form,
				input -> "redirect:" + MICRO + "/" + this.micros.create(actor(), input).id() + "?done=created",
				AdminForms.FIELD, response, errors -> form(model, null, form, errors, null));
	}

	@GetMapping(MICRO + "/{id}")
	String edit(@PathVariable UUID id, @RequestParam(required = false) String done, Model model) {
		EditorialMicroPost post = this.micros.editorial(id);
		model.addAttribute("notice", AdminViews.done(done));
		return form(model, post, MicroForm.of(post), Map.of(), null);
	}

	@PostMapping(MICRO + "/{id}")
	String update(@PathVariable UUID id, @ModelAttribute MicroForm form, Model model, HttpServletResponse response) {
		EditorialMicroPost post = this.micros.editorial(id);
		return AdminForms.save(this.validator, form, input -> {
			this.micros.update(actor(), id, input);
			return "redirect:" + MICRO + "/" + id + "?done=saved";
		}, AdminForms.FIELD, response, errors -> form(model, post, form, errors, null));
	}

	@PostMapping(MICRO + "/{id}/" + AdminForms.Step.PATH)
	String step(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) String at,
			@RequestParam(defaultValue = "UTC") String zone, Model model, HttpServletResponse response) {
		AdminForms.Step chosen = AdminForms.Step.of(step);
		return AdminForms.step(MICRO + "/" + id, chosen.done, () -> {
			switch (chosen) {
				case SUBMIT -> this.micros.submit(actor(), id);
				case PUBLISH -> this.micros.publish(actor(), id, null);
				// Mini-posts schedule by publishing at a future time.
				case SCHEDULE -> this.micros.publish(actor(), id, AdminForms.when(at, zone));
				case UNPUBLISH -> this.micros.unpublish(actor(), id);
			}
		}, response, problem -> {
			EditorialMicroPost post = this.micros.editorial(id);
			return form(model, post, MicroForm.of(post), Map.of(), problem);
		});
	}

	private String form(Model model, EditorialMicroPost post, MicroForm form, Map<String, String> errors,
			String problem) {
		AdminForms.formPage(model, form, (post != null) ? MICRO + "/" + post.id() : MICRO, errors, problem);
		model.addAttribute("maxLength", MicroForm.MAX_LENGTH);
		model.addAttribute("topicChoices", AdminViews.topicChoices(form.topicsOrEmpty()));
		model.addAttribute("micro", (post != null) ? state(post) : null);
		return "admin/micro-edit";
	}

	private static AdminViews.Micro state(EditorialMicroPost post) {
		Status status = post.status();
		return new AdminViews.Micro(post.id(), label(status), (status == Status.PUBLISHED) ? post.url() : null,
				post.html(), post.replyTo(), (post.replyTo() != null) ? MICRO + "/" + post.replyTo() : null,
				post.announces(), AdminViews.time(post.scheduledAt()), AdminViews.time(post.publishedAt()),
				new Workflow(MICRO + "/" + post.id(), status == Status.DRAFT, status != Status.PUBLISHED, "Publish now",
						status == Status.DRAFT || status == Status.IN_REVIEW || status == Status.SCHEDULED,
						status == Status.PUBLISHED || status == Status.SCHEDULED));
	}

	static String excerpt(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return (line.length() > EXCERPT) ? line.substring(0, EXCERPT - 1) + "…" : line;
	}

}
