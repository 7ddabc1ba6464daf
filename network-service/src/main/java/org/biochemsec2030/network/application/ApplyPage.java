package org.biochemsec2030.network.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.biochemsec2030.network.support.InvalidInput;
import org.biochemsec2030.network.support.NotFound;
import org.biochemsec2030.platform.taxonomy.Topic;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The application form in the site's layout. A form that needs fixing comes back with a
 * message beside each field and everything typed; a received one leads to a page that
 * says to look in the inbox (the same page, whatever is known about the address).
 */
@Controller
class ApplyPage {

	private final Applications applications;

	ApplyPage(Applications applications) {
		this.applications = applications;
	}

	@GetMapping("/network/apply")
	String form(Model model) {
		return show(model, Map.of("submission", List.of(UUID.randomUUID().toString())), Map.of());
	}

	@PostMapping(path = "/network/apply", consumes = "application/x-www-form-urlencoded")
	String submit(@RequestParam MultiValueMap<String, String> fields, Model model, HttpServletResponse response) {
		List<ApplicationInput.ConsentChoice> consents = new ArrayList<>();
		for (String value : fields.getOrDefault("consents", List.of())) {
			int colon = value.indexOf(':');
			consents.add((colon > 0)
					? new ApplicationInput.ConsentChoice(value.substring(0, colon), value.substring(colon + 1))
					: new ApplicationInput.ConsentChoice(value, ""));
		}
		ApplicationInput input = new ApplicationInput(fields.getFirst("givenName"), fields.getFirst("familyName"),
				fields.getFirst("email"), fields.getFirst("affiliation"), fields.getFirst("discipline"),
				fields.getFirst("careerStage"), fields.getFirst("country"), fields.getOrDefault("interests", List.of()),
				fields.getFirst("orcid"), fields.getFirst("statement"), fields.getFirst("codeOfConduct"), consents,
				fields.getFirst("submission"));
		try {
			this.applications.submit(input, "application form");
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			Map<String, String> errors = new LinkedHashMap<>();
			ex.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
			return show(model, fields, errors);
		}
		return "redirect:/network/apply/sent";
	}

	@GetMapping("/network/apply/sent")
	String sent() {
		return "network/apply-sent";
	}

	@GetMapping("/network/apply/verify")
	String verify(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		try {
			Applications.Verification result = this.applications.verify(token);
			model.addAttribute("already", result == Applications.Verification.ALREADY_CONFIRMED);
			model.addAttribute("problem", null);
		}
		catch (NotFound ex) {
			response.setStatus(HttpServletResponse.SC_GONE);
			model.addAttribute("already", false);
			model.addAttribute("problem", ex.getMessage());
		}
		return "network/apply-verified";
	}

	/** A choice in a list of checkboxes or options, ticked or not. */
	record Choice(String value, String label, boolean checked) {

	}

	private String show(Model model, Map<String, List<String>> fields, Map<String, String> errors) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String name : List.of("givenName", "familyName", "email", "affiliation", "discipline", "careerStage",
				"country", "orcid", "statement", "submission", "codeOfConduct")) {
			List<String> values = fields.get(name);
			form.put(name, (values != null && !values.isEmpty() && values.get(0) != null) ? values.get(0) : "");
		}
		List<String> interests = fields.getOrDefault("interests", List.of());
		List<String> consents = fields.getOrDefault("consents", List.of());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("topicChoices",
				java.util.Arrays.stream(Topic.values())
					.map(t -> new Choice(t.slug(), t.label(), interests.contains(t.slug())))
					.toList());
		model.addAttribute("stageChoices",
				java.util.Arrays.stream(CareerStage.values())
					.map(s -> new Choice(s.code(), s.label(), s.code().equals(form.get("careerStage"))))
					.toList());
		model.addAttribute("countryChoices",
				Countries.all()
					.stream()
					.map(c -> new Choice(c.code(), c.name(), c.code().equals(form.get("country"))))
					.toList());
		model.addAttribute("consentChoices",
				Consents.purposes()
					.stream()
					.map(p -> new Choice(p.code() + ":" + p.version(), p.text(),
							consents.contains(p.code() + ":" + p.version())))
					.toList());
		model.addAttribute("codeOfConduct", Consents.CODE_OF_CONDUCT);
		model.addAttribute("codeOfConductAgreed", Consents.CODE_OF_CONDUCT.version().equals(form.get("codeOfConduct")));
		return "network/apply";
	}

}
