package org.biochemsec2030.network.member;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.biochemsec2030.network.support.Conflict;
import org.biochemsec2030.platform.security.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Members in the admin tool (coordinators, admins): who they are, whether their account
 * exists and whether they are in the directory; one member's data is the export, and each
 * look at it is kept in the audit trail. Erasure on a member's request is one button.
 */
@Controller
class AdminMembersController {

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final Membership membership;

	AdminMembersController(JdbcClient jdbc, PersonalData personalData, Membership membership) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.membership = membership;
	}

	/** One line of the members' list. */
	record MemberLine(UUID id, String name, String email, String status, Instant joinedAt, String account,
			boolean listed) {

	}

	@GetMapping("/admin/network/members")
	String list(Model model) {
		List<MemberLine> members = this.jdbc.sql("""
				select m.id, trim(a.given_name || ' ' || a.family_name) as name, m.email, m.status, m.joined_at,
				       coalesce(p.status, 'none') as account, coalesce(pr.listed, false) as listed
				  from member m join application a on a.id = m.id
				  left join account_provisioning p on p.member_id = m.id
				  left join profile pr on pr.member_id = m.id
				 where m.status <> 'erased'
				 order by m.joined_at desc limit 500
				""")
			.query((rs, n) -> new MemberLine(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("email"), rs.getString("status"), rs.getTimestamp("joined_at").toInstant(),
					rs.getString("account"), rs.getBoolean("listed")))
			.list();
		model.addAttribute("members", members);
		return "admin/network/members";
	}

	@GetMapping("/admin/network/members/{id}")
	String one(@PathVariable UUID id, Model model) {
		return page(model, id, null);
	}

	@PostMapping("/admin/network/members/{id}/leave")
	String leave(@PathVariable UUID id, Model model, HttpServletResponse response) {
		try {
			this.membership.leave(id, Actor.current().orElseThrow());
		}
		catch (Conflict ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return page(model, id, ex.getMessage());
		}
		return "redirect:/admin/network/members/" + id;
	}

	@PostMapping("/admin/network/members/{id}/erase")
	String erase(@PathVariable UUID id) {
		this.personalData.erase(id, Actor.current().orElseThrow());
		return "redirect:/admin/network/members";
	}

	private String page(Model model, UUID id, String problem) {
		// What staff see is the export itself (and is audited as one).
		Map<String, Object> data = this.personalData.export(id, Actor.current().orElseThrow());
		model.addAttribute("memberId", id);
		model.addAttribute("data", data);
		model.addAttribute("active", "active".equals(((Map<?, ?>) data.get("member")).get("status")));
		model.addAttribute("problem", problem);
		return "admin/network/member";
	}

}
