package org.biochemsec2030.network.member;

import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.network.support.NotFound;
import org.biochemsec2030.platform.security.Actor;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's personal data: export and erasure, by the member themselves or by staff;
 * leaving the network.
 */
@RestController
class MemberController {

	private final PersonalData personalData;

	private final Membership membership;

	MemberController(PersonalData personalData, Membership membership) {
		this.personalData = personalData;
		this.membership = membership;
	}

	/** The member leaves the network (their account is disabled; erasure is separate). */
	@PostMapping("/api/network/v1/me/leave")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<Map<String, String>> leave(@AuthenticationPrincipal Jwt jwt) {
		UUID member = this.personalData.memberOfAccount(jwt.getSubject())
			.orElseThrow(() -> new NotFound("This account is not a network member's"));
		this.membership.leave(member, Actor.current().orElseThrow());
		return ResponseEntity.accepted().body(Map.of("status", "left"));
	}

	@GetMapping("/api/network/v1/me/export")
	@PreAuthorize("isAuthenticated()")
	Map<String, Object> mine(@AuthenticationPrincipal Jwt jwt) {
		UUID member = this.personalData.memberOfAccount(jwt.getSubject())
			.orElseThrow(() -> new NotFound("This account is not a network member's"));
		return this.personalData.export(member, Actor.current().orElseThrow());
	}

	/** Erasure asked for by the member themselves. */
	@PostMapping("/api/network/v1/me/erase")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<Map<String, String>> eraseMine(@AuthenticationPrincipal Jwt jwt) {
		UUID member = this.personalData.memberOfAccount(jwt.getSubject())
			.orElseThrow(() -> new NotFound("This account is not a network member's"));
		this.personalData.erase(member, Actor.current().orElseThrow());
		return ResponseEntity.accepted().body(Map.of("status", "erased"));
	}

	/** Erasure carried out by staff on a member's request. */
	@PostMapping("/api/network/v1/members/{id}/erase")
	@PreAuthorize("hasAnyRole('coordinator', 'admin')")
	ResponseEntity<Map<String, String>> eraseTheirs(@PathVariable UUID id) {
		this.personalData.erase(id, Actor.current().orElseThrow());
		return ResponseEntity.accepted().body(Map.of("status", "erased"));
	}

	@GetMapping("/api/network/v1/members/{id}/export")
	@PreAuthorize("hasAnyRole('coordinator', 'admin')")
	Map<String, Object> theirs(@PathVariable UUID id) {
		return this.personalData.export(id, Actor.current().orElseThrow());
	}

}
