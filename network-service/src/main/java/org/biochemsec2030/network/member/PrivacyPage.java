package org.biochemsec2030.network.member;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.biochemsec2030.network.application.Consents;
import org.biochemsec2030.network.support.NotFound;
import org.biochemsec2030.platform.security.Actor;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The member's privacy choices in the browser: giving or withdrawing each consent from
 * the profile page, and erasure with a confirmation step that says what happens. A form
 * sent twice does what it did once: a consent already as asked is left alone, and an
 * erasure sent again (the account is no longer a member's by then) lands on the same page
 * as the first.
 */
@Controller
class PrivacyPage {

	private final PersonalData personalData;

	private final ConsentChoices consents;

	private final JdbcClient jdbc;

	PrivacyPage(PersonalData personalData, ConsentChoices consents, JdbcClient jdbc) {
		this.personalData = personalData;
		this.consents = consents;
		this.jdbc = jdbc;
	}

	@PostMapping(path = "/network/me/consents", consumes = "application/x-www-form-urlencoded")
	@PreAuthorize("isAuthenticated()")
	String consent(@AuthenticationPrincipal Jwt jwt, @RequestParam(defaultValue = "") String purpose,
			@RequestParam(defaultValue = "") String action) {
		// Only a hand-made request gets these wrong: the page's buttons send both.
		Consents.Purpose chosen = Consents.Purpose.byCode(purpose)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"Choose a purpose: directory, digests, photos or partners."));
		if (!action.equals("give") && !action.equals("withdraw")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Choose to give or to withdraw the consent.");
		}
		this.consents.change(member(jwt), chosen, action.equals("give"), Actor.current().orElseThrow());
		return "redirect:/network/me?consent=" + (action.equals("give") ? "given" : "withdrawn") + "#consents";
	}

	@GetMapping("/network/me/erase")
	@PreAuthorize("isAuthenticated()")
	String confirm(@AuthenticationPrincipal Jwt jwt, Model model) {
		return page(model, member(jwt), Map.of());
	}

	@PostMapping(path = "/network/me/erase", consumes = "application/x-www-form-urlencoded")
	@PreAuthorize("isAuthenticated()")
	String erase(@AuthenticationPrincipal Jwt jwt, @RequestParam(defaultValue = "") String member,
			@RequestParam(required = false) String confirm, Model model, HttpServletResponse response) {
		Optional<UUID> mine = this.personalData.memberOfAccount(jwt.getSubject());
		if (mine.isEmpty() && erased(member)) {
			return "redirect:/network/erased";
		}
		UUID id = mine.orElseThrow(() -> new NotFound("This account is not a network member's"));
		if (!"yes".equals(confirm)) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, id, Map.of("confirm", "Tick the box to confirm that you want everything erased"));
		}
		this.personalData.erase(id, Actor.current().orElseThrow());
		return "redirect:/network/erased";
	}

	@GetMapping("/network/erased")
	String erased() {
		return "network/erased";
	}

	private String page(Model model, UUID member, Map<String, String> errors) {
		model.addAttribute("member", member);
		model.addAttribute("errors", errors);
		return "network/erase";
	}

	/** Whether the member the resent form named is erased already. */
	private boolean erased(String member) {
		try {
			return this.jdbc.sql("select count(*) from member where id = ? and status = 'erased'")
				.param(UUID.fromString(member.strip()))
				.query(Long.class)
				.single() > 0;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private UUID member(Jwt jwt) {
		return this.personalData.memberOfAccount(jwt.getSubject())
			.orElseThrow(() -> new NotFound("This account is not a network member's"));
	}

}
