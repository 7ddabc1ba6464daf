package org.biochemsec2030.publishing.partner;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.biochemsec2030.platform.taxonomy.Taxonomy;
import org.biochemsec2030.publishing.partner.PartnerEndpoints.AttemptView;
import org.biochemsec2030.publishing.partner.PartnerEndpoints.EndpointView;
import org.biochemsec2030.publishing.partner.PartnerEndpoints.Health;
import org.biochemsec2030.publishing.partner.PartnerEndpoints.PartnerRequest;
import org.biochemsec2030.publishing.partner.PartnerEndpoints.PartnerView;
import org.biochemsec2030.publishing.partner.PartnerEndpoints.RedeliveryRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The admin tool's partner pages, server-rendered forms that work without a script
 * (publisher and admin: the platform lets only the service's staff roles into
 * {@code /admin/**}). Every form carries the CSRF token the gateway handed over, and the
 * gateway checks it. After a change the browser is sent back to the page with what
 * happened ({@code ?done=}), so a reload repeats nothing; a form with something to fix
 * comes back with a message beside each field (400).
 */
@Controller
@RequestMapping("/admin/publishing/partners")
class PartnersAdminPages {

	static final String BASE = "/admin/publishing/partners";

	private static final int RECENT_ATTEMPTS = 10;

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'",
			Locale.ENGLISH);

	private static final Map<String, String> DONE = Map.of("registered", "The partner is registered.", "trusted",
			"The partner now receives embargoed events at once.", "untrusted",
			"The partner now receives embargoed events only when the embargo ends.", "enabled",
			"The endpoint is switched on; what was queued for it is being delivered.", "disabled",
			"The endpoint is switched off and its partner's contact will be told by mail.", "redelivered",
			"The failed deliveries are queued again.");

	private final PartnerEndpoints partners;

	PartnersAdminPages(PartnerEndpoints partners) {
		this.partners = partners;
	}

	record PartnerForm(String name, String contactEmail, String clientId, boolean trusted) {

		static final PartnerForm EMPTY = new PartnerForm("", "", "", false);

	}

	record PartnerRow(String url, String name, String contactEmail, String clientId, boolean trusted, int endpoints,
			int disabled, int failing) {
	}

	record EndpointRow(UUID id, String url, String description, String filters, boolean enabled, String health,
			int pending, int failed, int delivered, String lastDelivered, List<AttemptRow> attempts) {
	}

	record AttemptRow(String at, String eventId, String type, String outcome, int latencyMs, String excerpt) {
	}

	@GetMapping
	String list(Model model, @RequestParam(required = false) String done) {
		return listPage(model, PartnerForm.EMPTY, Map.of(), done);
	}

	@PostMapping
	String register(Model model, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String contactEmail, @RequestParam(defaultValue = "") String clientId,
			@RequestParam(defaultValue = "false") boolean trusted, HttpServletResponse response) {
		PartnerForm form = new PartnerForm(name, contactEmail, clientId, trusted);
		try {
			PartnerView partner = this.partners.register(new PartnerRequest(name, contactEmail, clientId, trusted));
			return "redirect:" + BASE + "/" + partner.id() + "?done=registered";
		}
		catch (PartnerEndpoints.InvalidRequest ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return listPage(model, form, errors(ex.problems()), null);
		}
	}

	@GetMapping("/{id}")
	String partner(Model model, @PathVariable UUID id, @RequestParam(required = false) String done) {
		return partnerPage(model, id, done, Map.of());
	}

	@PostMapping("/{id}/trust")
	String trust(@PathVariable UUID id, @RequestParam boolean trusted) {
		this.partners.trust(id, trusted);
		return "redirect:" + BASE + "/" + id + "?done=" + (trusted ? "trusted" : "untrusted");
	}

	@PostMapping("/{id}/endpoints/{endpoint}/switch")
	String switchEndpoint(@PathVariable UUID id, @PathVariable UUID endpoint, @RequestParam boolean enabled) {
		this.partners.switchEndpoint(id, endpoint, enabled);
		return "redirect:" + BASE + "/" + id + "?done=" + (enabled ? "enabled" : "disabled");
	}

	/** The time is read as UTC, which the form says. */
	@PostMapping("/{id}/endpoints/{endpoint}/redeliveries")
	String redeliver(Model model, @PathVariable UUID id, @PathVariable UUID endpoint,
			@RequestParam(defaultValue = "") String since, HttpServletResponse response) {
		Instant from;
		try {
			from = LocalDateTime.parse(since.strip()).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return partnerPage(model, id, null, Map.of("since-" + endpoint,
					"give the date and time (UTC) as the date picker writes them, e.g. 2026-12-01T09:00"));
		}
		this.partners.redeliver(id, endpoint, new RedeliveryRequest(null, from));
		return "redirect:" + BASE + "/" + id + "?done=redelivered";
	}

	/** An unknown partner or endpoint, or an address that names none, is not found. */
	@ExceptionHandler({ PartnerEndpoints.NotFound.class, MethodArgumentTypeMismatchException.class })
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	private String listPage(Model model, PartnerForm form, Map<String, String> errors, String done) {
		List<PartnerRow> rows = this.partners.partners().stream().map(partner -> {
			List<EndpointView> endpoints = this.partners.endpoints(partner.id());
			return new PartnerRow(BASE + "/" + partner.id(), partner.name(), partner.contactEmail(), partner.clientId(),
					partner.trusted(), endpoints.size(), (int) endpoints.stream().filter(e -> !e.enabled()).count(),
					(int) endpoints.stream().filter(e -> e.enabled() && e.failingSince() != null).count());
		}).toList();
		model.addAttribute("partners", rows);
		model.addAttribute("form", form);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("notice", (done != null) ? DONE.get(done) : null);
		return "publishing/admin/partners";
	}

	private String partnerPage(Model model, UUID id, String done, Map<String, String> errors) {
		PartnerView partner = this.partners.partner(id);
		Map<UUID, Health> health = this.partners.health(id);
		List<EndpointRow> endpoints = this.partners.endpoints(id).stream().map(endpoint -> {
			Health h = health.getOrDefault(endpoint.id(), new Health(0, 0, 0, null));
			List<AttemptRow> attempts = this.partners.attempts(id, endpoint.id(), RECENT_ATTEMPTS)
				.stream()
				.map(PartnersAdminPages::attemptRow)
				.toList();
			return new EndpointRow(endpoint.id(), endpoint.url(), endpoint.description(), filters(endpoint),
					endpoint.enabled(), health(endpoint), h.pending(), h.failed(), h.delivered(),
					shown(h.lastDelivered()), attempts);
		}).toList();
		model.addAttribute("partner", partner);
		model.addAttribute("base", BASE + "/" + id);
		model.addAttribute("endpoints", endpoints);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("notice", (done != null) ? DONE.get(done) : null);
		return "publishing/admin/partner";
	}

	private static String health(EndpointView endpoint) {
		if (!endpoint.enabled()) {
			return "Switched off: " + endpoint.disabledReason();
		}
		if (endpoint.failingSince() != null) {
			return "Failing since " + shown(endpoint.failingSince());
		}
		return "Healthy";
	}

	private static String filters(EndpointView endpoint) {
		StringBuilder text = new StringBuilder();
		append(text, "types", endpoint.types());
		append(text, "regimes", endpoint.regimes());
		append(text, "topics", endpoint.topics());
		return text.isEmpty() ? "everything" : text.toString();
	}

	private static void append(StringBuilder text, String name, List<String> values) {
		if (!values.isEmpty()) {
			text.append(text.isEmpty() ? "" : "; ").append(name).append(": ").append(String.join(", ", values));
		}
	}

	private static AttemptRow attemptRow(AttemptView attempt) {
		String outcome = (attempt.status() > 0) ? "HTTP " + attempt.status()
				: "no answer" + ((attempt.error() != null) ? ": " + attempt.error() : "");
		String excerpt = (attempt.excerpt() != null && attempt.excerpt().length() > 200)
				? attempt.excerpt().substring(0, 200) + "…" : attempt.excerpt();
		return new AttemptRow(shown(attempt.attemptedAt()), attempt.eventId().toString(), attempt.type(), outcome,
				attempt.latencyMs(), excerpt);
	}

	private static String shown(Instant time) {
		return (time != null) ? SHOWN.format(time.atOffset(ZoneOffset.UTC)) : null;
	}

	private static Map<String, String> errors(List<Taxonomy.Problem> problems) {
		Map<String, String> errors = new LinkedHashMap<>();
		problems.forEach(problem -> errors.merge(problem.field(), problem.message(), (a, b) -> a + "; " + b));
		return errors;
	}

}
