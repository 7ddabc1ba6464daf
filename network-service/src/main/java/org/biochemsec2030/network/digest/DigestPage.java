package org.biochemsec2030.network.digest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.biochemsec2030.network.directory.Profiles;
import org.biochemsec2030.network.support.InvalidInput;
import org.biochemsec2030.network.support.NotFound;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.taxonomy.Topic;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A member's digest settings ({@code /network/me/digests} and its API), and the
 * unsubscribe link of every digest: opening it shows a button (a link checker that
 * follows it changes nothing); the one-click POST of RFC 8058, which mail clients send
 * without a session, ends the digest at once.
 */
@Controller
class DigestPage {

	private final Digests digests;

	private final Profiles profiles;

	DigestPage(Digests digests, Profiles profiles) {
		this.digests = digests;
		this.profiles = profiles;
	}

	record Choice(String value, String label, boolean checked) {

	}

	@GetMapping("/network/me/digests")
	@PreAuthorize("isAuthenticated()")
	String show(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String saved, Model model) {
		Optional<DigestView> digest = this.digests.mine(member(jwt));
		model.addAttribute("saved", saved != null);
		return page(model, digest.map(DigestView::topics).orElse(List.of()),
				digest.map(DigestView::frequency).orElse("weekly"), Map.of());
	}

	@PostMapping(path = "/network/me/digests", consumes = "application/x-www-form-urlencoded")
	@PreAuthorize("isAuthenticated()")
	String save(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) List<String> topics,
			@RequestParam(required = false) String frequency, Model model, HttpServletResponse response) {
		List<String> chosen = (topics != null) ? topics : List.of();
		try {
			this.digests.choose(member(jwt), new DigestInput(chosen, frequency), Actor.current().orElseThrow());
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
			ex.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
			model.addAttribute("saved", false);
			return page(model, chosen, frequency, errors);
		}
		return "redirect:/network/me/digests?saved";
	}

	@GetMapping("/network/digests/unsubscribe")
	String confirm(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("done", false);
		return "network/unsubscribe";
	}

	@PostMapping("/network/digests/unsubscribe")
	String unsubscribe(@RequestParam(required = false) String token, Model model) {
		// The same answer whether or not the link was still valid: it ends nothing else.
		this.digests.unsubscribe(token);
		model.addAttribute("token", null);
		model.addAttribute("done", true);
		return "network/unsubscribe";
	}

	private UUID member(Jwt jwt) {
		return this.profiles.memberOfAccount(jwt.getSubject())
			.orElseThrow(() -> new NotFound("This account is not a network member's"));
	}

	private static String page(Model model, List<String> topics, String frequency, Map<String, String> errors) {
		model.addAttribute("errors", errors);
		model.addAttribute("topicChoices",
				Arrays.stream(Topic.values())
					.map(t -> new Choice(t.slug(), t.label(), topics.contains(t.slug())))
					.toList());
		model.addAttribute("frequencyChoices",
				Arrays.stream(Frequency.values())
					.map(f -> new Choice(f.code(), f.code().substring(0, 1).toUpperCase() + f.code().substring(1),
							f.code().equals(frequency)))
					.toList());
		return "network/digests";
	}

}
