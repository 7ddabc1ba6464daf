package org.biochemsec2030.network.directory;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.biochemsec2030.network.application.ConsentLedger;
import org.biochemsec2030.network.application.Consents;
import org.biochemsec2030.network.application.Countries;
import org.biochemsec2030.network.support.InvalidInput;
import org.biochemsec2030.network.support.NotFound;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.taxonomy.Topic;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in member's profile at {@code /network/me}: each field with who may see it,
 * and whether they are in the directory. A form that needs fixing comes back with a
 * message beside each field and everything typed.
 */
@Controller
class ProfilePage {

	private final Profiles profiles;

	private final ConsentLedger ledger;

	ProfilePage(Profiles profiles, ConsentLedger ledger) {
		this.profiles = profiles;
		this.ledger = ledger;
	}

	@GetMapping("/network/me")
	@PreAuthorize("isAuthenticated()")
	String show(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String saved,
			@RequestParam(required = false) String consent, Model model) {
		ProfileView profile = this.profiles.mine(member(jwt));
		Map<String, String> visibility = new LinkedHashMap<>();
		profile.visibility().forEach((field, code) -> visibility.put("visibility." + field, code));
		Map<String, String> form = new LinkedHashMap<>(visibility);
		form.put("name", profile.name());
		form.put("affiliation", profile.affiliation());
		form.put("discipline", profile.discipline());
		form.put("country", profile.country());
		form.put("bio", profile.bio());
		form.put("orcid", (profile.orcid() != null) ? profile.orcid() : "");
		model.addAttribute("saved", saved != null);
		model.addAttribute("consentChanged", consent);
		return page(model, profile, form, profile.topics(), profile.listed(), Map.of());
	}

	@PostMapping(path = "/network/me", consumes = "application/x-www-form-urlencoded")
	@PreAuthorize("isAuthenticated()")
	String save(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> fields, Model model,
			HttpServletResponse response) {
		UUID member = member(jwt);
		Map<String, String> visibility = new LinkedHashMap<>();
		for (ProfileField field : ProfileField.values()) {
			String value = fields.getFirst("visibility." + field.code());
			if (value != null) {
				visibility.put(field.code(), value);
			}
		}
		List<String> topics = fields.getOrDefault("topics", List.of());
		boolean listed = "on".equals(fields.getFirst("listed")) || "true".equals(fields.getFirst("listed"));
		ProfileInput input = new ProfileInput(fields.getFirst("name"), fields.getFirst("affiliation"),
				fields.getFirst("discipline"), fields.getFirst("country"), topics, fields.getFirst("bio"),
				fields.getFirst("orcid"), visibility, listed);
		try {
			this.profiles.update(member, input, Actor.current().orElseThrow());
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			Map<String, String> errors = new LinkedHashMap<>();
			ex.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
			Map<String, String> form = new LinkedHashMap<>();
			fields.forEach((name, values) -> form.put(name, values.isEmpty() ? "" : values.get(0)));
			return page(model, this.profiles.mine(member), form, topics, listed, errors);
		}
		return "redirect:/network/me?saved";
	}

	private UUID member(Jwt jwt) {
		return this.profiles.memberOfAccount(jwt.getSubject())
			.orElseThrow(() -> new NotFound("This account is not a network member's: apply to join at /network/apply"));
	}

	/** A choice in a list of checkboxes or options, ticked or not. */
	record Choice(String value, String label, boolean checked) {

	}

	/** One field's visibility selector. */
	record FieldVisibility(String name, String label, List<Choice> choices) {

	}

	/**
	 * One purpose as the member sees it: its text, and whether (and since when, how) they
	 * hold it, or when they last withdrew it.
	 */
	record ConsentLine(String purpose, String text, String version, boolean held, String givenAt, String givenHow,
			String withdrawnAt) {

	}

	private List<ConsentLine> consents(UUID member) {
		List<ConsentLedger.Entry> history = this.ledger.history(member);
		return Consents.purposes().stream().map(purpose -> {
			ConsentLedger.Entry last = history.stream()
				.filter(e -> e.purpose().equals(purpose.code()))
				.findFirst()
				.orElse(null);
			boolean held = last != null && last.held();
			return new ConsentLine(purpose.code(), purpose.text(), (last != null) ? last.textVersion() : null, held,
					(last != null) ? DAY.format(last.givenAt()) : null, (last != null) ? last.givenHow() : null,
					(last != null && !held) ? DAY.format(last.withdrawnAt()) : null);
		}).toList();
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private String page(Model model, ProfileView profile, Map<String, String> form, List<String> topics, boolean listed,
			Map<String, String> errors) {
		model.addAttribute("consents", consents(profile.memberId()));
		model.addAttribute("profile", profile);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("listed", listed);
		model.addAttribute("topicChoices",
				Arrays.stream(Topic.values())
					.map(t -> new Choice(t.slug(), t.label(), topics.contains(t.slug())))
					.toList());
		model.addAttribute("countryChoices",
				Countries.all()
					.stream()
					.map(c -> new Choice(c.code(), c.name(), c.code().equals(form.get("country"))))
					.toList());
		model.addAttribute("visibilities", Arrays.stream(ProfileField.values()).map(field -> {
			String chosen = form.getOrDefault("visibility." + field.code(), Visibility.PRIVATE.code());
			return new FieldVisibility("visibility." + field.code(), field.label(),
					Arrays.stream(Visibility.values())
						.map(v -> new Choice(v.code(), v.label(), v.code().equals(chosen)))
						.toList());
		}).toList());
		return "network/me";
	}

}
