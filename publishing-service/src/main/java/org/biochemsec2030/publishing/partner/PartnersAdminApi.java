package org.biochemsec2030.publishing.partner;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.publishing.partner.PartnerEndpoints.PartnerRequest;
import org.biochemsec2030.publishing.partner.PartnerEndpoints.PartnerView;
import org.biochemsec2030.publishing.partner.PartnerEndpoints.TrustRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff register partners: the link between an organisation and its Keycloak client. */
@RestController
@RequestMapping("/api/publishing/v1/partners")
@PreAuthorize("hasAnyRole('publisher','admin')")
class PartnersAdminApi {

	private final PartnerEndpoints endpoints;

	PartnersAdminApi(PartnerEndpoints endpoints) {
		this.endpoints = endpoints;
	}

	@GetMapping
	Map<String, List<PartnerView>> list() {
		return Map.of("items", this.endpoints.partners());
	}

	@PostMapping
	ResponseEntity<PartnerView> register(@RequestBody PartnerRequest request) {
		PartnerView partner = this.endpoints.register(request);
		return ResponseEntity.created(URI.create("/api/publishing/v1/partners/" + partner.id())).body(partner);
	}

	@GetMapping("/{id}")
	PartnerView get(@PathVariable UUID id) {
		return this.endpoints.partner(id);
	}

	/** Whether the partner receives embargoed events at once. */
	@PutMapping("/{id}/trusted")
	PartnerView trust(@PathVariable UUID id, @RequestBody TrustRequest request) {
		if (request.trusted() == null) {
			throw PartnerEndpoints.InvalidRequest.of("trusted", "give true or false");
		}
		return this.endpoints.trust(id, request.trusted());
	}

}
