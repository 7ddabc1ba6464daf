package org.biochemsec2030.publishing.partner;

import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pull side of partner subscriptions, for partners that cannot receive webhooks: the
 * public event log as paged JSON and as an Atom feed, with the same ids as the webhooks
 * and {@code bcs.public}, for anyone; and under the partner API, with a partner's token,
 * the same log with that partner's own entries (its watchlist alerts) in their places. A
 * cursor is opaque to partners; they pass back the {@code next} they were given.
 */
@RestController
class PartnerEventsApi {

	static final int MAX_LIMIT = 500;

	private static final String PUBLIC_BASE = "/api/publishing/v1/events";

	private static final String PARTNER_BASE = "/api/publishing/partner/v1/events";

	private final PartnerEventLog log;

	private final PartnerEndpoints endpoints;

	private final JsonMapper json;

	PartnerEventsApi(PartnerEventLog log, PartnerEndpoints endpoints, JsonMapper json) {
		this.log = log;
		this.endpoints = endpoints;
		this.json = json;
	}

	@GetMapping(path = PUBLIC_BASE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> events(@RequestParam(required = false) String after,
			@RequestParam(required = false) List<String> types, @RequestParam(defaultValue = "100") int limit) {
		return events(after, types, limit, Optional.empty());
	}

	@GetMapping(path = PUBLIC_BASE + "/feed.atom", produces = "application/atom+xml")
	ResponseEntity<String> feed(@RequestParam(required = false) String after,
			@RequestParam(required = false) List<String> types) throws XMLStreamException {
		return feed(after, types, PUBLIC_BASE, Optional.empty());
	}

	@GetMapping(path = PARTNER_BASE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> partnerEvents(@AuthenticationPrincipal Jwt token,
			@RequestParam(required = false) String after, @RequestParam(required = false) List<String> types,
			@RequestParam(defaultValue = "100") int limit) {
		return events(after, types, limit, Optional.of(PartnerApi.partner(this.endpoints, token)));
	}

	@GetMapping(path = PARTNER_BASE + "/feed.atom", produces = "application/atom+xml")
	ResponseEntity<String> partnerFeed(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String after,
			@RequestParam(required = false) List<String> types) throws XMLStreamException {
		return feed(after, types, PARTNER_BASE, Optional.of(PartnerApi.partner(this.endpoints, token)));
	}

	private ResponseEntity<String> events(String after, List<String> types, int limit, Optional<UUID> partner) {
		PartnerEventLog.Page page = this.log.page(cursor(after), types(types), limit(limit), partner);
		ObjectNode body = this.json.createObjectNode();
		ArrayNode items = body.putArray("items");
		page.entries().forEach(entry -> items.add(this.json.readTree(entry.envelope())));
		body.put("next", Long.toString(page.last()));
		body.put("more", page.more());
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.json.writeValueAsString(body));
	}

	private ResponseEntity<String> feed(String after, List<String> types, String base, Optional<UUID> partner)
			throws XMLStreamException {
		PartnerEventLog.Page page = this.log.page(cursor(after), types(types), MAX_LIMIT, partner);
		StringWriter out = new StringWriter();
		XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeStartElement("feed");
		xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
		element(xml, "id", "urn:biochemsec2030:partner-events" + partner.map(id -> ":" + id).orElse(""));
		element(xml, "title", "BioChemSec 2030: " + (partner.isPresent() ? "events for you" : "public events"));
		Instant updated = Instant.EPOCH;
		for (PartnerEventLog.Entry entry : page.entries()) {
			Instant time = Instant.parse(this.json.readTree(entry.envelope()).path("time").asString());
			updated = time.isAfter(updated) ? time : updated;
		}
		element(xml, "updated", updated.toString());
		xml.writeStartElement("link");
		xml.writeAttribute("rel", "next");
		xml.writeAttribute("href", base + "/feed.atom?after=" + page.last());
		xml.writeEndElement();
		for (PartnerEventLog.Entry entry : page.entries()) {
			JsonNode event = this.json.readTree(entry.envelope());
			xml.writeStartElement("entry");
			element(xml, "id", "urn:uuid:" + event.path("id").asString());
			JsonNode data = event.path("data");
			String title = data.path("title").isString() ? data.path("title").asString()
					: event.path("type").asString();
			element(xml, "title", title);
			element(xml, "updated", event.path("time").asString());
			xml.writeStartElement("category");
			xml.writeAttribute("term", event.path("type").asString());
			xml.writeEndElement();
			if (data.path("url").isString()) {
				xml.writeStartElement("link");
				xml.writeAttribute("href", data.path("url").asString());
				xml.writeEndElement();
			}
			xml.writeStartElement("content");
			xml.writeAttribute("type", "application/cloudevents+json");
			xml.writeCharacters(entry.envelope());
			xml.writeEndElement();
			xml.writeEndElement();
		}
		xml.writeEndElement();
		xml.writeEndDocument();
		xml.close();
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml")).body(out.toString());
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static long cursor(String after) {
		if (after == null || after.isBlank()) {
			return 0;
		}
		try {
			long position = Long.parseLong(after.strip());
			if (position >= 0) {
				return position;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw PartnerEndpoints.InvalidRequest.of("after",
				"pass back the 'next' value of the previous page, or leave 'after' out to start at the beginning");
	}

	private static Set<String> types(List<String> types) {
		Set<String> result = new LinkedHashSet<>();
		if (types != null) {
			for (String type : types) {
				for (String one : type.split(",")) {
					if (!one.isBlank()) {
						result.add(one.strip());
					}
				}
			}
		}
		if (result.size() > 50) {
			throw PartnerEndpoints.InvalidRequest.of("types", "give at most 50 types");
		}
		return result;
	}

	private static int limit(int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw PartnerEndpoints.InvalidRequest.of("limit", "give a limit from 1 to " + MAX_LIMIT);
		}
		return limit;
	}

}
