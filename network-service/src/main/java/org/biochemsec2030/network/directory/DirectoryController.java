package org.biochemsec2030.network.directory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.network.support.NotFound;
import org.biochemsec2030.platform.security.Actor;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The profiles API: the signed-in member's own profile, the directory for members and
 * staff, and one member as the caller may see them.
 */
@RestController
class DirectoryController {

	private static final String MEMBERS = "hasAnyRole('member', 'coordinator', 'admin')";

	private final Profiles profiles;

	DirectoryController(Profiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/api/network/v1/me/profile")
	@PreAuthorize("isAuthenticated()")
	ProfileView mine(@AuthenticationPrincipal Jwt jwt) {
		return this.profiles.mine(member(jwt));
	}

	@PutMapping("/api/network/v1/me/profile")
	@PreAuthorize("isAuthenticated()")
	ProfileView update(@AuthenticationPrincipal Jwt jwt, @RequestBody ProfileInput input) {
		return this.profiles.update(member(jwt), input, Actor.current().orElseThrow());
	}

	@GetMapping("/api/network/v1/directory")
	@PreAuthorize(MEMBERS)
	Map<String, Object> directory(@RequestParam(required = false) String q,
			@RequestParam(required = false) String topic, @RequestParam(required = false) String discipline,
			@RequestParam(required = false) String country) {
		DirectoryQuery query = DirectoryQuery.of(q, topic, discipline, country);
		List<DirectoryEntry> items = this.profiles.search(query.q(), query.topic(), query.discipline(), query.country(),
				Profiles.viewer(Actor.current()));
		return Map.of("items", items, "total", items.size());
	}

	@GetMapping("/api/network/v1/members/{id}")
	DirectoryEntry one(@PathVariable UUID id) {
		return this.profiles.entry(id, Actor.current()).orElseThrow(() -> new NotFound("No listed member " + id));
	}

	private UUID member(Jwt jwt) {
		return this.profiles.memberOfAccount(jwt.getSubject())
			.orElseThrow(() -> new NotFound("This account is not a network member's"));
	}

}
