package org.biochemsec2030.network.directory;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.biochemsec2030.network.application.Countries;
import org.biochemsec2030.network.support.InvalidInput;
import org.biochemsec2030.network.support.NotFound;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.taxonomy.Topic;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The members' directory ({@code /network/directory}, members and staff) with its
 * expertise search, and one member's page ({@code /network/members/{id}}), each showing
 * only the fields the member allowed this viewer to see.
 */
@Controller
class DirectoryPage {

	private final Profiles profiles;

	DirectoryPage(Profiles profiles) {
		this.profiles = profiles;
	}

	record Choice(String value, String label, boolean checked) {

	}

	@GetMapping("/network/directory")
	@PreAuthorize("hasAnyRole('member', 'coordinator', 'admin')")
	String directory(@RequestParam(required = false) String q, @RequestParam(required = false) String topic,
			@RequestParam(required = false) String discipline, @RequestParam(required = false) String country,
			Model model, HttpServletResponse response) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("q", (q != null) ? q : "");
		form.put("discipline", (discipline != null) ? discipline : "");
		Map<String, String> errors = new LinkedHashMap<>();
		List<DirectoryEntry> entries = List.of();
		try {
			DirectoryQuery query = DirectoryQuery.of(q, topic, discipline, country);
			entries = this.profiles.search(query.q(), query.topic(), query.discipline(), query.country(),
					Profiles.viewer(Actor.current()));
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			ex.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
		}
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("entries", entries);
		model.addAttribute("topicChoices",
				Arrays.stream(Topic.values())
					.map(t -> new Choice(t.slug(), t.label(), t.slug().equals(topic)))
					.toList());
		model.addAttribute("countryChoices",
				Countries.all().stream().map(c -> new Choice(c.code(), c.name(), c.code().equals(country))).toList());
		return "network/directory";
	}

	@GetMapping("/network/members/{id}")
	String member(@PathVariable UUID id, Model model) {
		model.addAttribute("entry",
				this.profiles.entry(id, Actor.current()).orElseThrow(() -> new NotFound("No listed member " + id)));
		return "network/member";
	}

}
