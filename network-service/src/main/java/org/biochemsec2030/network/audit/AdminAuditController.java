package org.biochemsec2030.network.audit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail in the admin tool (coordinators, admins; the whole of {@code /admin/**}
 * is staff only): who did what to which member, application or meeting, newest first, a
 * page at a time, filtered by action. It shows what the trail holds and nothing more:
 * after an erasure the entries name no one.
 */
@Controller
class AdminAuditController {

	static final int PAGE_SIZE = 50;

	private static final DateTimeFormatter WHEN = DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final JdbcClient jdbc;

	AdminAuditController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One entry as staff read it. */
	record Entry(long id, String when, String by, String action, String target, String detail) {

	}

	@GetMapping("/admin/network/audit")
	String list(@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "1") String page,
			Model model, HttpServletResponse response) {
		List<String> actions = this.jdbc.sql("select distinct action from audit_log order by action")
			.query(String.class)
			.list();
		String wanted = action.strip();
		String problem = null;
		if (!wanted.isEmpty() && !actions.contains(wanted)) {
			problem = "Filter by one of the actions listed.";
		}
		int number = 1;
		try {
			number = Integer.parseInt(page.strip());
		}
		catch (NumberFormatException ex) {
			number = 0;
		}
		if (number < 1 || number > 100_000) {
			problem = "Choose a page from 1 on.";
			number = 1;
		}
		List<Entry> entries = List.of();
		boolean more = false;
		if (problem == null) {
			// One more than a page, to know whether there is a next one.
			entries = this.jdbc.sql("""
					select id, occurred_at, actor, action, target, detail ->> 'by' as by,
					       cast(detail -> 'detail' as text) as detail
					  from audit_log where (:action = '' or action = :action)
					 order by occurred_at desc, id desc limit :limit offset :offset""")
				.param("action", wanted)
				.param("limit", PAGE_SIZE + 1)
				.param("offset", (number - 1) * PAGE_SIZE)
				.query((rs, n) -> new Entry(rs.getLong("id"), WHEN.format(rs.getTimestamp("occurred_at").toInstant()),
						(rs.getString("by") != null) ? rs.getString("by") : rs.getString("actor"),
						rs.getString("action"), rs.getString("target"), detail(rs.getString("detail"))))
				.list();
			more = entries.size() > PAGE_SIZE;
			entries = entries.subList(0, Math.min(entries.size(), PAGE_SIZE));
		}
		else {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		model.addAttribute("problem", problem);
		model.addAttribute("entries", entries);
		model.addAttribute("actions", actions);
		model.addAttribute("action", (problem == null) ? wanted : "");
		model.addAttribute("page", number);
		model.addAttribute("previous", (number > 1) ? number - 1 : null);
		model.addAttribute("next", more ? number + 1 : null);
		return "admin/network/audit";
	}

	/** An empty detail object reads as nothing. */
	private static String detail(String json) {
		return (json == null || json.equals("{}") || json.equals("null")) ? "" : json;
	}

}
