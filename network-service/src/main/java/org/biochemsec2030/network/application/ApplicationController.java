package org.biochemsec2030.network.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.network.support.InvalidInput;
import org.biochemsec2030.platform.security.Actor;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The applications API: anyone may apply and confirm their address; coordinators and
 * admins read the queue and decide.
 */
@RestController
@RequestMapping("/api/network/v1/applications")
class ApplicationController {

	private static final String STAFF = "hasAnyRole('coordinator', 'admin')";

	private final Applications applications;

	ApplicationController(Applications applications) {
		this.applications = applications;
	}

	/**
	 * 202 whatever is known about the address; an {@code Idempotency-Key} header (or the
	 * {@code submission} field) makes a repeated request harmless.
	 */
	@PostMapping
	ResponseEntity<Applications.Receipt> apply(@RequestBody ApplicationInput input,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		ApplicationInput keyed = (key != null && (input.submission() == null || input.submission().isBlank()))
				? new ApplicationInput(input.givenName(), input.familyName(), input.email(), input.affiliation(),
						input.discipline(), input.careerStage(), input.country(), input.interests(), input.orcid(),
						input.statement(), input.codeOfConduct(), input.consents(), key)
				: input;
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.applications.submit(keyed, "api"));
	}

	record VerifyRequest(String token) {

	}

	@PostMapping("/verify")
	Map<String, String> verify(@RequestBody VerifyRequest request) {
		Applications.Verification result = this.applications.verify(request.token());
		return Map.of("status", result == Applications.Verification.CONFIRMED ? "confirmed" : "already-confirmed");
	}

	@GetMapping
	@PreAuthorize(STAFF)
	List<ApplicationView> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) String q) {
		ApplicationStatus filter = null;
		if (status != null && !status.isBlank()) {
			filter = ApplicationStatus.byCode(status)
				.orElseThrow(() -> InvalidInput.of("status", "Use one of unverified, pending, approved, rejected"));
		}
		return this.applications.list(filter, q);
	}

	@GetMapping("/{id}")
	@PreAuthorize(STAFF)
	ApplicationView get(@PathVariable UUID id) {
		return this.applications.view(id, Actor.current().orElseThrow());
	}

	@PostMapping("/{id}/approve")
	@PreAuthorize(STAFF)
	ApplicationView approve(@PathVariable UUID id) {
		return this.applications.approve(id, Actor.current().orElseThrow());
	}

	record RejectRequest(String reason) {

	}

	@PostMapping("/{id}/reject")
	@PreAuthorize(STAFF)
	ApplicationView reject(@PathVariable UUID id, @RequestBody RejectRequest request) {
		return this.applications.reject(id, request.reason(), Actor.current().orElseThrow());
	}

}
