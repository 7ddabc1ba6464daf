package org.biochemsec2030.network.digest;

import java.util.UUID;

import org.biochemsec2030.network.directory.Profiles;
import org.biochemsec2030.network.support.NotFound;
import org.biochemsec2030.platform.security.Actor;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The digest settings API of the signed-in member (204 when they choose no topic). */
@RestController
class DigestController {

	private final Digests digests;

	private final Profiles profiles;

	DigestController(Digests digests, Profiles profiles) {
		this.digests = digests;
		this.profiles = profiles;
	}

	@GetMapping("/api/network/v1/me/digests")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<DigestView> mine(@AuthenticationPrincipal Jwt jwt) {
		return ResponseEntity.of(this.digests.mine(member(jwt)));
	}

	@PutMapping("/api/network/v1/me/digests")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<DigestView> choose(@AuthenticationPrincipal Jwt jwt, @RequestBody DigestInput input) {
		return this.digests.choose(member(jwt), input, Actor.current().orElseThrow())
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	private UUID member(Jwt jwt) {
		return this.profiles.memberOfAccount(jwt.getSubject())
			.orElseThrow(() -> new NotFound("This account is not a network member's"));
	}

}
