package org.biochemsec2030.network.meeting;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.biochemsec2030.network.support.Conflict;
import org.biochemsec2030.platform.security.Actor;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Meetings in the admin tool (coordinators, admins): every meeting with its places, who
 * answered in which order (attending, waiting, withdrawn), attendance as CSV, and
 * cancellation.
 */
@Controller
class AdminMeetingsController {

	private final Meetings meetings;

	AdminMeetingsController(Meetings meetings) {
		this.meetings = meetings;
	}

	@GetMapping("/admin/network/meetings")
	String list(Model model) {
		model.addAttribute("meetings", this.meetings.all());
		return "admin/network/meetings";
	}

	@GetMapping("/admin/network/meetings/{id}")
	String one(@PathVariable UUID id, Model model) {
		return page(model, id, null);
	}

	@PostMapping("/admin/network/meetings/{id}/cancel")
	String cancel(@PathVariable UUID id, Model model, HttpServletResponse response) {
		try {
			this.meetings.cancel(id, Actor.current().orElseThrow());
		}
		catch (Conflict ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return page(model, id, ex.getMessage());
		}
		return "redirect:/admin/network/meetings/" + id;
	}

	/**
	 * Everyone who answered, in the order they did, for a sign-in sheet or a register.
	 */
	@GetMapping("/admin/network/meetings/{id}/attendance.csv")
	ResponseEntity<String> attendance(@PathVariable UUID id) {
		MeetingView meeting = this.meetings.byId(id);
		StringBuilder csv = new StringBuilder("name,email,status,answered_at\r\n");
		for (Meetings.AnswerView answer : this.meetings.answers(id)) {
			csv.append(cell(answer.name()))
				.append(',')
				.append(cell(answer.email()))
				.append(',')
				.append(answer.status())
				.append(',')
				.append(answer.respondedAt())
				.append("\r\n");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header("Content-Disposition", "attachment; filename=\"attendance-" + meeting.slug() + ".csv\"")
			.body(csv.toString());
	}

	/**
	 * One CSV field (RFC 4180 quoting); a leading =, +, - or @ is prefixed so that a
	 * spreadsheet does not run a name as a formula.
	 */
	static String cell(String value) {
		if (value == null) {
			return "";
		}
		String safe = (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

	private String page(Model model, UUID id, String problem) {
		MeetingView meeting = this.meetings.byId(id);
		List<Meetings.AnswerView> answers = this.meetings.answers(id);
		model.addAttribute("meeting", meeting);
		model.addAttribute("answers", answers);
		model.addAttribute("problem", problem);
		return "admin/network/meeting";
	}

}
