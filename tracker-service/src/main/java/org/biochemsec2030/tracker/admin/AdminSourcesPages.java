package org.biochemsec2030.tracker.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.biochemsec2030.platform.taxonomy.Topic;
import org.biochemsec2030.tracker.suggestion.SuggestionService;
import org.biochemsec2030.tracker.support.InvalidInput;
import org.biochemsec2030.tracker.source.SourceInput;
import org.biochemsec2030.tracker.source.SourceService;
import org.biochemsec2030.tracker.triage.RuleInput;
import org.biochemsec2030.tracker.triage.RuleService;
import org.biochemsec2030.tracker.item.ItemService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin tool's sources with their health, and the triage rules. */
@Controller
class AdminSourcesPages {

	private final SourceService sources;

	private final RuleService rules;

	private final ItemService items;

	private final SuggestionService suggestions;

	AdminSourcesPages(SourceService sources, RuleService rules, ItemService items, SuggestionService suggestions) {
		this.sources = sources;
		this.rules = rules;
		this.items = items;
		this.suggestions = suggestions;
	}

	/** A source as the form sends it: every field as typed. */
	record SourceForm(String name, String url, String pollEveryMinutes) {

		static final SourceForm EMPTY = new SourceForm("", "", "");

	}

	/** A rule as the form sends it: every field as typed. */
	record RuleForm(String name, String field, String kind, String pattern, String action, String value,
			String position) {

		static final RuleForm EMPTY = new RuleForm("", "title", "keyword", "", "tag", "", "");

	}

	@GetMapping(AdminForms.BASE)
	String sources(@RequestParam(required = false) String done, Model model) {
		AdminForms.messages(model, done);
		return sourcesPage(model, SourceForm.EMPTY);
	}

	@PostMapping(AdminForms.BASE + "/sources")
	String addSource(@ModelAttribute SourceForm form, Model model, HttpServletResponse response) {
		AdminForms.messages(model, null);
		try {
			List<InvalidInput.FieldProblem> problems = new ArrayList<>();
			Integer minutes = AdminForms.number("pollEveryMinutes", form.pollEveryMinutes(), problems);
			AdminForms.check(problems);
			this.sources.add(new SourceInput(form.name(), form.url(), minutes), AdminForms.actor());
			return "redirect:" + AdminForms.BASE + "?done=source-added";
		}
		catch (InvalidInput ex) {
			AdminForms.invalid(model, ex, response);
			return sourcesPage(model, form);
		}
	}

	@PostMapping(AdminForms.BASE + "/sources/{id}/poll")
	String poll(@PathVariable UUID id) {
		this.sources.pollNow(id);
		return "redirect:" + AdminForms.BASE + "?done=polled";
	}

	private String sourcesPage(Model model, SourceForm form) {
		model.addAttribute("sources", this.sources.health());
		model.addAttribute("suggestions", this.suggestions.latest());
		model.addAttribute("form", form);
		return "tracker-admin/sources";
	}

	@GetMapping(AdminForms.BASE + "/rules")
	String rules(@RequestParam(required = false) String done, Model model) {
		AdminForms.messages(model, done);
		return rulesPage(model, RuleForm.EMPTY);
	}

	@PostMapping(AdminForms.BASE + "/rules")
	String addRule(@ModelAttribute RuleForm form, Model model, HttpServletResponse response) {
		AdminForms.messages(model, null);
		try {
			List<InvalidInput.FieldProblem> problems = new ArrayList<>();
			Integer position = AdminForms.number("position", form.position(), problems);
			AdminForms.check(problems);
			this.rules.add(new RuleInput(form.name(), form.field(), form.kind(), form.pattern(), form.action(),
					blankToNull(form.value()), position), AdminForms.actor());
			return "redirect:" + AdminForms.BASE + "/rules?done=rule-added";
		}
		catch (InvalidInput ex) {
			AdminForms.invalid(model, ex, response);
			return rulesPage(model, form);
		}
	}

	@PostMapping(AdminForms.BASE + "/rules/reapply")
	String reapply() {
		this.items.reclassify();
		return "redirect:" + AdminForms.BASE + "/rules?done=reclassified";
	}

	private String rulesPage(Model model, RuleForm form) {
		model.addAttribute("rules", this.rules.all());
		model.addAttribute("form", form);
		model.addAttribute("topics", List.of(Topic.values()));
		return "tracker-admin/rules";
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
