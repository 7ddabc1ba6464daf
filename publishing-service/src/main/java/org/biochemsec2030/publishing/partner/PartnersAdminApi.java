package org.biochemsec2030.publishing.partner;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.biochemsec2030.publishing.partner.PartnerEndpoints.PartnerRequest;
import org.biochemsec2030.publishing.partner.PartnerEndpoints.PartnerView;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
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

}
