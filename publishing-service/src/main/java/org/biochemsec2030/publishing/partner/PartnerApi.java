package org.biochemsec2030.publishing.partner;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.publishing.partner.PartnerEndpoints.AttemptView;
import org.biochemsec2030.publishing.partner.PartnerEndpoints.CreatedEndpoint;
import org.biochemsec2030.publishing.partner.PartnerEndpoints.EndpointRequest;
import org.biochemsec2030.publishing.partner.PartnerEndpoints.EndpointView;
import org.biochemsec2030.publishing.partner.PartnerEndpoints.RedeliveryRequest;
import org.biochemsec2030.publishing.partner.PartnerEndpoints.RotatedSecret;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner's own subscriptions, managed with its client-credentials token (role
 * {@code partner}, checked for the whole path by the platform's security). The client in
 * the token names the partner; a client that no publisher registered is refused.
 */
@RestController
@RequestMapping("/api/publishing/partner/v1")
class PartnerApi {

	private final PartnerEndpoints endpoints;

	PartnerApi(PartnerEndpoints endpoints) {
		this.endpoints = endpoints;
	}

	@GetMapping("/event-types")
	Map<String, List<String>> eventTypes() {
		return Map.of("types", PartnerEndpoints.PUBLIC_TYPES.stream().sorted().toList());
	}

	@GetMapping("/endpoints")
	Map<String, List<EndpointView>> list(@AuthenticationPrincipal Jwt token) {
		return Map.of("items", this.endpoints.endpoints(partner(token)));
	}

	@PostMapping("/endpoints")
	ResponseEntity<CreatedEndpoint> create(@AuthenticationPrincipal Jwt token, @RequestBody EndpointRequest request) {
		CreatedEndpoint created = this.endpoints.create(partner(token), request);
		return ResponseEntity.created(URI.create("/api/publishing/partner/v1/endpoints/" + created.endpoint().id()))
			.body(created);
	}

	@GetMapping("/endpoints/{id}")
	EndpointView get(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		return this.endpoints.endpoint(partner(token), id);
	}

	@PutMapping("/endpoints/{id}")
	EndpointView update(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@RequestBody EndpointRequest request) {
		return this.endpoints.update(partner(token), id, request);
	}

	@DeleteMapping("/endpoints/{id}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		this.endpoints.delete(partner(token), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/endpoints/{id}/secrets")
	RotatedSecret rotate(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		return this.endpoints.rotate(partner(token), id);
	}

	@PostMapping("/endpoints/{id}/redeliveries")
	ResponseEntity<Map<String, Integer>> redeliver(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@RequestBody RedeliveryRequest request) {
		return ResponseEntity.accepted().body(Map.of("queued", this.endpoints.redeliver(partner(token), id, request)));
	}

	@PostMapping("/endpoints/{id}/ping")
	AttemptView ping(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		return this.endpoints.ping(partner(token), id);
	}

	@GetMapping("/endpoints/{id}/attempts")
	Map<String, List<AttemptView>> attempts(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@RequestParam(defaultValue = "50") int limit) {
		return Map.of("items", this.endpoints.attempts(partner(token), id, limit));
	}

	private UUID partner(Jwt token) {
		return partner(this.endpoints, token);
	}

	/** The registered partner a token's client belongs to; anyone else is refused. */
	static UUID partner(PartnerEndpoints endpoints, Jwt token) {
		String client = (token != null) ? token.getClaimAsString("azp") : null;
		return (client == null) ? refused(null) : endpoints.partnerOf(client).orElseGet(() -> refused(client));
	}

	private static UUID refused(String client) {
		throw new AccessDeniedException("the client " + ((client != null) ? "'" + client + "' " : "")
				+ "is not registered as a partner; ask the project's publishers to register it");
	}

}
