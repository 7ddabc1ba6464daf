package org.biochemsec2030.content.admin;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.biochemsec2030.content.admin.AdminViews.Listing;
import org.biochemsec2030.content.admin.AdminViews.Row;
import org.biochemsec2030.content.page.PageService;
import org.biochemsec2030.content.page.PageView;
import org.biochemsec2030.content.render.SafeHtml;
import org.biochemsec2030.content.support.Editors;

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

/**
 * The editors' tool for standing pages (about, contact, meeting reports). The domain
 * gives pages no workflow and no revisions: a saved page is public at once, every change
 * is in the audit log, so the page has the form, its preview and a delete button that
 * asks for confirmation.
 */
@Controller
@PreAuthorize(Editors.ONLY)
class AdminPageController {

	private static final String PAGES = BASE + "/pages";

	private static final Listing LISTING = new Listing("Standing pages", "pages", PAGES, PAGES + "/new", "New page",
			"Navigation", false, "No pages here.");

	private final PageService pages;

	private final SafeHtml safeHtml;

	private final Validator validator;

	AdminPageController(PageService pages, SafeHtml safeHtml, Validator validator) {
		this.pages = pages;
		this.safeHtml = safeHtml;
		this.validator = validator;
	}

	@GetMapping(PAGES)
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(required = false) String done, Model model, HttpServletResponse response) {
		model.addAttribute("notice", AdminViews.done(done));
		return AdminForms.list(model, LISTING, null, q, page,
				(filter, text, paging) -> AdminForms.rows(this.pages.editorial(text, paging),
						p -> new Row(p.title(),
								(p.navOrder() != null) ? "Position " + p.navOrder() : "Not in the navigation",
								AdminViews.time(p.updatedAt()), PAGES + "/" + p.id(), p.url())),
				response);
	}

	@GetMapping(PAGES + "/new")
	String create(Model model) {
		return form(model, null, PageForm.empty(), Map.of(), null, null);
	}

	@PostMapping(PAGES)
	String create(@ModelAttribute PageForm form, @RequestParam(defaultValue = "save") String action, Model model,
			HttpServletResponse response) {
		return AdminForms.saveOrPreview(action, () -> this.safeHtml.markdown(form.body()), this.validator, form,
				input -> "redirect:" + PAGES + "/" + this.pages.create(actor(), input).id() + "?done=page-created",
				AdminForms.FIELD, response, (errors, preview) -> form(model, null, form, errors, preview, null));
	}

	@GetMapping(PAGES + "/{id}")
	String edit(@PathVariable UUID id, @RequestParam(required = false) String done, Model model) {
		PageView page = this.pages.byId(id);
		model.addAttribute("notice", AdminViews.done(done));
		return form(model, page, PageForm.of(page), Map.of(), null, null);
	}

	@PostMapping(PAGES + "/{id}")
	String update(@PathVariable UUID id, @ModelAttribute PageForm form,
			@RequestParam(defaultValue = "save") String action, Model model, HttpServletResponse response) {
		PageView page = this.pages.byId(id);
		return AdminForms.saveOrPreview(action, () -> this.safeHtml.markdown(form.body()), this.validator, form,
				input -> {
					this.pages.update(actor(), id, input);
					return "redirect:" + PAGES + "/" + id + "?done=page-saved";
				}, AdminForms.FIELD, response, (errors, preview) -> form(model, page, form, errors, preview, null));
	}

	/** Deleting cannot be undone (pages keep no revisions), so the box must be ticked. */
	@PostMapping(PAGES + "/{id}/delete")
	String delete(@PathVariable UUID id, @RequestParam(required = false) String confirm, Model model,
			HttpServletResponse response) {
		PageView page = this.pages.byId(id);
		if (!"yes".equals(confirm)) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(model, page, PageForm.of(page), Map.of(), null,
					"Tick “Yes, delete this page” to delete it; nothing was deleted.");
		}
		this.pages.delete(actor(), id);
		return "redirect:" + PAGES + "?done=deleted";
	}

	private String form(Model model, PageView page, PageForm form, Map<String, String> errors, String preview,
			String problem) {
		AdminForms.formPage(model, form, (page != null) ? PAGES + "/" + page.id() : PAGES, errors, problem);
		model.addAttribute("preview", preview);
		model.addAttribute("standing", (page != null)
				? new AdminViews.StandingPage(page.id(), page.url(), AdminViews.time(page.updatedAt())) : null);
		return "admin/page-edit";
	}

}
