package org.biochemsec2030.platform.security;

import java.util.List;
import java.util.Map;

import org.biochemsec2030.platform.test.Engines;
import org.biochemsec2030.platform.test.Identity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service in miniature: a public read, an editor's write, an admin page, a partner API.
 */
@SpringBootApplication
class SecuredTestApplication {

	/**
	 * The real engines every test of this module runs against: its database and the
	 * realm.
	 */
	static void engines(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> Engines.database("security_test"));
		registry.add("spring.datasource.username", () -> "security_test");
		registry.add("spring.datasource.password", () -> "security_test");
		registry.add("bcs.security.issuer-uri", Identity::issuer);
	}

	@RestController
	static class Things {

		private final AuditLog audit;

		Things(AuditLog audit) {
			this.audit = audit;
		}

		@GetMapping("/api/demo/v1/things")
		List<String> things() {
			return List.of("public thing");
		}

		@PostMapping("/api/demo/v1/things")
		@ResponseStatus(HttpStatus.CREATED)
		@PreAuthorize("hasRole('editor')")
		@Transactional
		Map<String, String> create(@RequestBody Map<String, String> thing) {
			this.audit.record("thing.created", "thing:" + thing.get("name"), Map.of("name", thing.get("name")));
			return Map.of("createdBy", Actor.current().orElseThrow().name());
		}

		@GetMapping("/admin/demo")
		Map<String, Object> adminTool() {
			Actor actor = Actor.current().orElseThrow();
			return Map.of("user", actor.name(), "roles", actor.roles());
		}

		@GetMapping("/api/demo/partner/v1/feed")
		List<String> partnerFeed() {
			return List.of("event for partners");
		}

	}

}
