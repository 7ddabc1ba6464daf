package org.biochemsec2030.network.member;

import java.util.UUID;

import org.biochemsec2030.network.support.NotFound;
import org.biochemsec2030.platform.security.Actor;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** Leaving the network from the profile page, and the page that says it is done. */
@Controller
class LeavePage {

	private final PersonalData personalData;

	private final Membership membership;

	LeavePage(PersonalData personalData, Membership membership) {
		this.personalData = personalData;
		this.membership = membership;
	}

	@PostMapping("/network/me/leave")
	@PreAuthorize("isAuthenticated()")
	String leave(@AuthenticationPrincipal Jwt jwt) {
		UUID member = this.personalData.memberOfAccount(jwt.getSubject())
			.orElseThrow(() -> new NotFound("This account is not a network member's"));
		this.membership.leave(member, Actor.current().orElseThrow());
		return "redirect:/network/left";
	}

	@GetMapping("/network/left")
	String left() {
		return "network/left";
	}

}
