package org.biochemsec2030.tracker.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.tracker.support.InvalidInput;

import org.springframework.ui.Model;

/**
 * What every page of the tracker's admin tool does alike: a form that cannot be saved
 * comes back with a message beside each field and everything typed (400), a step the
 * current state refuses says why, and a finished step says what it did after the
 * redirect.
 */
final class AdminForms {

	static final String BASE = "/admin/tracker";

	/** What a finished step says on the page it leads to, by the {@code done} key. */
	private static final Map<String, String> NOTICES = Map.ofEntries(Map.entry("source-added", "The source is added."),
			Map.entry("polled", "The source was polled."), Map.entry("rule-added", "The rule is added."),
			Map.entry("reclassified", "The rules were applied again to every item no analyst has decided on."),
			Map.entry("dismissed", "The item is dismissed."), Map.entry("promoted", "The development is made."),
			Map.entry("assessed", "Your assessment is recorded as a new version."),
			Map.entry("hazard-on", "It is flagged as an information hazard."),
			Map.entry("hazard-off", "The information-hazard flag is lifted."),
			Map.entry("summary-saved", "The public summary is saved."),
			Map.entry("reviewed", "You reviewed the public summary."), Map.entry("published", "It is published."),
			Map.entry("withdrawn", "It is withdrawn from the site."));

	private AdminForms() {
	}

	/** Puts the notice for {@code done} (none for an unknown key) and no problem. */
	static void messages(Model model, String done) {
		model.addAttribute("notice", (done != null) ? NOTICES.get(done) : null);
		model.addAttribute("problem", null);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
	}

	/** The form again: a message beside each field, the answer a 400. */
	static void invalid(Model model, InvalidInput ex, HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.problems().forEach(problem -> errors.putIfAbsent(problem.field(), problem.message()));
		model.addAttribute("errors", errors);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
	}

	/** A step the state refuses: the page again with why, as a 409. */
	static void refused(Model model, String why, HttpServletResponse response) {
		model.addAttribute("problem", why);
		response.setStatus(HttpServletResponse.SC_CONFLICT);
	}

	/** A whole number typed into a form; null when left empty. */
	static Integer number(String field, String value, List<InvalidInput.FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new InvalidInput.FieldProblem(field, "give a whole number"));
			return null;
		}
	}

	/** One entry per non-empty line of a text area. */
	static List<String> lines(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

	/** Problems found reading the form, thrown before the service is asked. */
	static void check(List<InvalidInput.FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInput(new ArrayList<>(problems));
		}
	}

	static Actor actor() {
		return Actor.current().orElseThrow();
	}

}
