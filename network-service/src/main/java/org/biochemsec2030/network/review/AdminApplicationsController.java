package org.biochemsec2030.network.review;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.biochemsec2030.network.application.ApplicationStatus;
import org.biochemsec2030.network.application.ApplicationView;
import org.biochemsec2030.network.application.Applications;
import org.biochemsec2030.network.support.Conflict;
import org.biochemsec2030.network.support.InvalidInput;
import org.biochemsec2030.platform.security.Actor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The review queue of the admin tool (coordinators, admins): applications filtered by
 * state and text, each with everything the applicant sent, a note, and the decision.
 */
@Controller
class AdminApplicationsController {

	private static final Map<String, String> NOTICES = Map.of("approved",
			"Approved. The member's account is being made; they get a mail to choose their password.", "rejected",
			"Rejected. The reason is mailed to the applicant.", "noted", "The note is saved.");

	private final Applications applications;

	AdminApplicationsController(Applications applications) {
		this.applications = applications;
	}

	record StatusOption(String value, String label, boolean selected) {

	}

	@GetMapping({ "/admin/network", "/admin/network/applications" })
	String queue(@RequestParam(required = false) String status, @RequestParam(required = false) String q, Model model,
			HttpServletResponse response) {
		String wanted = (status == null) ? "pending" : status.trim();
		ApplicationStatus filter = null;
		model.addAttribute("problem", null);
		if (!wanted.isEmpty() && !wanted.equals("all")) {
			filter = ApplicationStatus.byCode(wanted).orElse(null);
			if (filter == null) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute("problem", "Filter by one of the states listed.");
			}
		}
		String text = (q != null) ? q.strip() : "";
		if (text.length() > 200) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", "Search for at most 200 characters.");
			text = "";
		}
		List<ApplicationView> rows = (model.getAttribute("problem") == null)
				? this.applications.list(filter, text.isEmpty() ? null : text) : List.of();
		ApplicationStatus selected = filter;
		model.addAttribute("rows", rows);
		model.addAttribute("q", text);
		model.addAttribute("statuses",
				Arrays.stream(ApplicationStatus.values())
					.map(s -> new StatusOption(s.code(), label(s), s == selected))
					.toList());
		model.addAttribute("all", "all".equals(wanted));
		return "admin/network/applications";
	}

	@GetMapping("/admin/network/applications/{id}")
	String show(@PathVariable UUID id, @RequestParam(required = false) String done, Model model) {
		return page(model, this.applications.view(id, Actor.current().orElseThrow()),
				(done != null) ? NOTICES.get(done) : null, null, Map.of());
	}

	@PostMapping("/admin/network/applications/{id}/approve")
	String approve(@PathVariable UUID id, Model model, HttpServletResponse response) {
		try {
			this.applications.approve(id, Actor.current().orElseThrow());
		}
		catch (Conflict ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return page(model, this.applications.get(id), null, ex.getMessage(), Map.of());
		}
		return "redirect:/admin/network/applications/" + id + "?done=approved";
	}

	@PostMapping("/admin/network/applications/{id}/reject")
	String reject(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model,
			HttpServletResponse response) {
		try {
			this.applications.reject(id, reason, Actor.current().orElseThrow());
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, this.applications.get(id), null, null,
					Map.of("reason", ex.problems().get(0).message(), "typedReason", reason == null ? "" : reason));
		}
		catch (Conflict ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return page(model, this.applications.get(id), null, ex.getMessage(), Map.of());
		}
		return "redirect:/admin/network/applications/" + id + "?done=rejected";
	}

	@PostMapping("/admin/network/applications/{id}/note")
	String note(@PathVariable UUID id, @RequestParam(required = false) String note, Model model,
			HttpServletResponse response) {
		try {
			this.applications.note(id, note, Actor.current().orElseThrow());
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, this.applications.get(id), null, null,
					Map.of("note", ex.problems().get(0).message(), "typedNote", note == null ? "" : note));
		}
		return "redirect:/admin/network/applications/" + id + "?done=noted";
	}

	private static String page(Model model, ApplicationView application, String notice, String problem,
			Map<String, String> errors) {
		// Not "application": in a template that name is the servlet context.
		model.addAttribute("applicant", application);
		model.addAttribute("notice", notice);
		model.addAttribute("problem", problem);
		model.addAttribute("errors", errors);
		model.addAttribute("decidable", "pending".equals(application.status()));
		return "admin/network/application";
	}

	private static String label(ApplicationStatus status) {
		return switch (status) {
			case UNVERIFIED -> "Address not confirmed";
			case PENDING -> "Waiting for review";
			case APPROVED -> "Approved";
			case REJECTED -> "Rejected";
		};
	}

}
