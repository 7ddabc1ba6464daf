package org.biochemsec2030.publishing.oai;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.biochemsec2030.publishing.paper.Author;
import org.biochemsec2030.publishing.paper.Harvest;
import org.biochemsec2030.publishing.paper.PaperService;
import org.biochemsec2030.publishing.paper.PaperView;
import org.biochemsec2030.publishing.support.PublishingProperties;

import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * An OAI-PMH 2.0 repository of the published papers, so that library catalogues and
 * aggregators harvest the series: Identify, ListMetadataFormats, ListSets,
 * ListIdentifiers, ListRecords and GetRecord with {@code oai_dc}; sets by regime, topic
 * and treaty meeting; resumption tokens; the protocol's error codes. Each item is a
 * paper's latest published version.
 */
@Component
public class OaiPmh {

	static final String OAI = "http://www.openarchives.org/OAI/2.0/";

	static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";

	static final String DC = "http://purl.org/dc/elements/1.1/";

	static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

	private static final Pattern SET = Pattern.compile("(regime|topic|meeting):[A-Za-z0-9._-]+");

	private static final Map<String, Set<String>> ARGUMENTS = Map.of("Identify", Set.of(), "ListMetadataFormats",
			Set.of("identifier"), "ListSets", Set.of("resumptionToken"), "GetRecord",
			Set.of("identifier", "metadataPrefix"), "ListIdentifiers",
			Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"), "ListRecords",
			Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"));

	private final PaperService papers;

	private final PublishingProperties properties;

	private final OaiProperties oai;

	OaiPmh(PaperService papers, PublishingProperties properties, OaiProperties oai) {
		this.papers = papers;
		this.properties = properties;
		this.oai = oai;
	}

	/** The answer to one request (its arguments as received, GET query or POST form). */
	public String answer(MultiValueMap<String, String> arguments, Instant now) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("OAI-PMH");
			xml.writeDefaultNamespace(OAI);
			xml.writeNamespace("xsi", XSI);
			xml.writeAttribute(XSI, "schemaLocation", OAI + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd");
			element(xml, "responseDate", stamp(now));
			// The request is checked before anything is written: after badVerb or
			// badArgument
			// the request element must carry no arguments (they may not even be
			// well-formed
			// values), after the other errors it echoes them.
			Request request = null;
			OaiError error = null;
			try {
				request = Request.parse(arguments);
				verb(XMLOutputFactory.newInstance().createXMLStreamWriter(new StringWriter()), request);
			}
			catch (OaiError ex) {
				error = ex;
			}
			xml.writeStartElement("request");
			if (request != null && (error == null || error.echoRequest())) {
				for (Map.Entry<String, String> argument : request.arguments().entrySet()) {
					xml.writeAttribute(argument.getKey(), argument.getValue());
				}
			}
			xml.writeCharacters(baseUrl());
			xml.writeEndElement();
			if (error != null) {
				xml.writeStartElement("error");
				xml.writeAttribute("code", error.code());
				xml.writeCharacters(error.getMessage());
				xml.writeEndElement();
			}
			else {
				verb(xml, request);
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("The OAI-PMH answer could not be written", ex);
		}
		return out.toString();
	}

	private void verb(XMLStreamWriter xml, Request request) throws XMLStreamException {
		switch (request.verb()) {
			case "Identify" -> identify(xml);
			case "ListMetadataFormats" -> metadataFormats(xml, request);
			case "ListSets" -> sets(xml, request);
			case "GetRecord" -> getRecord(xml, request);
			case "ListIdentifiers" -> list(xml, request, false);
			case "ListRecords" -> list(xml, request, true);
			default -> throw new IllegalStateException(request.verb());
		}
	}

	private void identify(XMLStreamWriter xml) throws XMLStreamException {
		xml.writeStartElement("Identify");
		element(xml, "repositoryName", this.properties.publisher() + " — " + this.properties.series() + " series");
		element(xml, "baseURL", baseUrl());
		element(xml, "protocolVersion", "2.0");
		element(xml, "adminEmail", this.oai.adminEmail());
		element(xml, "earliestDatestamp",
				stamp(this.papers.earliestDatestamp().orElse(Instant.parse("2026-01-01T00:00:00Z"))));
		// Withdrawn papers keep their record (with the notice), so nothing is ever
		// deleted.
		element(xml, "deletedRecord", "no");
		element(xml, "granularity", "YYYY-MM-DDThh:mm:ssZ");
		xml.writeEndElement();
	}

	private void metadataFormats(XMLStreamWriter xml, Request request) throws XMLStreamException {
		String identifier = request.arguments().get("identifier");
		if (identifier != null) {
			item(identifier);
		}
		xml.writeStartElement("ListMetadataFormats");
		xml.writeStartElement("metadataFormat");
		element(xml, "metadataPrefix", "oai_dc");
		element(xml, "schema", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd");
		element(xml, "metadataNamespace", OAI_DC);
		xml.writeEndElement();
		xml.writeEndElement();
	}

	private void sets(XMLStreamWriter xml, Request request) throws XMLStreamException {
		if (request.arguments().containsKey("resumptionToken")) {
			throw new OaiError("badResumptionToken", "The list of sets is never split: no token is valid.");
		}
		List<String> sets = this.papers.harvestSets();
		if (sets.isEmpty()) {
			throw new OaiError("noSetHierarchy", "No paper is published yet, so there are no sets.");
		}
		xml.writeStartElement("ListSets");
		for (String set : sets) {
			xml.writeStartElement("set");
			element(xml, "setSpec", set);
			int colon = set.indexOf(':');
			String kind = set.substring(0, colon);
			element(xml, "setName", switch (kind) {
				case "regime" -> "Papers on the " + set.substring(colon + 1);
				case "topic" -> "Papers on the topic " + set.substring(colon + 1);
				default -> "Papers for the treaty meeting " + set.substring(colon + 1);
			});
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	private void getRecord(XMLStreamWriter xml, Request request) throws XMLStreamException {
		Harvest.Item item = item(request.require("identifier"));
		prefix(request.require("metadataPrefix"));
		xml.writeStartElement("GetRecord");
		record(xml, item, true);
		xml.writeEndElement();
	}

	private void list(XMLStreamWriter xml, Request request, boolean records) throws XMLStreamException {
		ListArguments args;
		String token = request.arguments().get("resumptionToken");
		if (token != null) {
			// arguments() holds the verb too: the token must be the only other one.
			if (request.arguments().size() > 2) {
				throw new OaiError("badArgument", "resumptionToken is an exclusive argument.");
			}
			args = ListArguments.decode(token);
		}
		else {
			prefix(request.require("metadataPrefix"));
			Instant from = date(request.arguments().get("from"), false);
			Instant until = date(request.arguments().get("until"), true);
			String fromText = request.arguments().get("from");
			String untilText = request.arguments().get("until");
			if (fromText != null && untilText != null && fromText.length() != untilText.length()) {
				throw new OaiError("badArgument", "from and until must have the same granularity.");
			}
			if (from != null && until != null && from.isAfter(until)) {
				throw new OaiError("badArgument", "from must not be later than until.");
			}
			String set = request.arguments().get("set");
			if (set != null && !SET.matcher(set).matches()) {
				throw new OaiError("badArgument",
						"A set looks like regime:BWC, topic:synthetic-biology or meeting:<slug>.");
			}
			args = new ListArguments(from, until, set, 0);
		}
		int size = this.oai.pageSize();
		Harvest harvest = this.papers.harvest(args.from(), args.until(), args.set(), args.offset(), size);
		if (harvest.total() == 0) {
			throw new OaiError("noRecordsMatch", "No paper matches these arguments.");
		}
		if (harvest.items().isEmpty()) {
			throw new OaiError("badResumptionToken", "The token points past the end of the list.");
		}
		xml.writeStartElement(records ? "ListRecords" : "ListIdentifiers");
		for (Harvest.Item item : harvest.items()) {
			if (records) {
				record(xml, item, true);
			}
			else {
				header(xml, item);
			}
		}
		int next = args.offset() + harvest.items().size();
		if (next < harvest.total() || args.offset() > 0) {
			xml.writeStartElement("resumptionToken");
			xml.writeAttribute("completeListSize", String.valueOf(harvest.total()));
			xml.writeAttribute("cursor", String.valueOf(args.offset()));
			if (next < harvest.total()) {
				xml.writeCharacters(new ListArguments(args.from(), args.until(), args.set(), next).encode());
			}
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	private void record(XMLStreamWriter xml, Harvest.Item item, boolean metadata) throws XMLStreamException {
		xml.writeStartElement("record");
		header(xml, item);
		if (metadata) {
			xml.writeStartElement("metadata");
			dublinCore(xml, item.paper());
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	private void header(XMLStreamWriter xml, Harvest.Item item) throws XMLStreamException {
		PaperView paper = item.paper();
		xml.writeStartElement("header");
		element(xml, "identifier", identifier(paper.slug()));
		element(xml, "datestamp", stamp(item.datestamp()));
		for (String regime : paper.regimes()) {
			element(xml, "setSpec", "regime:" + regime);
		}
		for (String topic : paper.topics()) {
			element(xml, "setSpec", "topic:" + topic);
		}
		if (paper.meeting() != null) {
			element(xml, "setSpec", "meeting:" + paper.meeting().slug());
		}
		xml.writeEndElement();
	}

	private void dublinCore(XMLStreamWriter xml, PaperView paper) throws XMLStreamException {
		xml.writeStartElement("oai_dc", "dc", OAI_DC);
		xml.writeNamespace("oai_dc", OAI_DC);
		xml.writeNamespace("dc", DC);
		xml.writeNamespace("xsi", XSI);
		xml.writeAttribute(XSI, "schemaLocation", OAI_DC + " http://www.openarchives.org/OAI/2.0/oai_dc.xsd");
		dc(xml, "title", paper.title());
		for (Author author : paper.authors()) {
			dc(xml, "creator", author.name());
		}
		for (String topic : paper.topics()) {
			dc(xml, "subject", topic);
		}
		for (String regime : paper.regimes()) {
			dc(xml, "subject", regime);
		}
		dc(xml, "description", paper.abstractText());
		if (paper.withdrawal() != null) {
			dc(xml, "description", "Withdrawn: " + paper.withdrawal().notice());
		}
		dc(xml, "publisher", this.properties.publisher());
		dc(xml, "date", paper.publishedAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
		dc(xml, "type", "Text");
		dc(xml, "type", "Briefing paper");
		dc(xml, "format", "text/html");
		dc(xml, "format", "application/pdf");
		dc(xml, "identifier", this.properties.absolute(paper.versionUrl()));
		if (!paper.series().isEmpty()) {
			dc(xml, "relation", paper.series());
		}
		for (String symbol : paper.unDocuments()) {
			dc(xml, "relation", symbol);
		}
		if (paper.meeting() != null) {
			dc(xml, "coverage", paper.meeting().name());
		}
		dc(xml, "language", "en");
		dc(xml, "rights", paper.licenceTitle() + " " + paper.licenceUrl());
		xml.writeEndElement();
	}

	private Harvest.Item item(String identifier) {
		String prefix = "oai:" + repositoryIdentifier() + ":papers/";
		if (!identifier.startsWith(prefix)) {
			throw new OaiError("idDoesNotExist", "This repository's identifiers start with " + prefix);
		}
		return this.papers.harvested(identifier.substring(prefix.length()))
			.orElseThrow(() -> new OaiError("idDoesNotExist", "No published paper has the identifier " + identifier));
	}

	private static void prefix(String prefix) {
		if (!"oai_dc".equals(prefix)) {
			throw new OaiError("cannotDisseminateFormat", "Papers are offered as oai_dc only.");
		}
	}

	/** A datestamp argument, day or second granularity; until a day means its end. */
	private static Instant date(String value, boolean until) {
		if (value == null) {
			return null;
		}
		try {
			if (value.length() == 10) {
				LocalDate day = LocalDate.parse(value);
				return until ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
						: day.atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			if (value.length() == 20 && value.endsWith("Z")) {
				Instant instant = Instant.parse(value);
				return until ? instant.plusSeconds(1).minusMillis(1) : instant;
			}
		}
		catch (DateTimeParseException ex) {
			// answered below
		}
		throw new OaiError("badArgument", "Dates are YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ; '" + value + "' is neither.");
	}

	String baseUrl() {
		return this.properties.absolute(OaiController.PATH);
	}

	private String repositoryIdentifier() {
		String host = this.properties.publicUrl().getHost();
		return (host != null && host.contains(".")) ? host : "biochemsec2030.local";
	}

	private String identifier(String slug) {
		return "oai:" + repositoryIdentifier() + ":papers/" + slug;
	}

	private static String stamp(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static void dc(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement("dc", name, DC);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	/** A protocol error: its code is one of OAI-PMH's. */
	static final class OaiError extends RuntimeException {

		private final String code;

		private final boolean echoRequest;

		OaiError(String code, String message) {
			this(code, message, !code.equals("badArgument") && !code.equals("badVerb"));
		}

		OaiError(String code, String message, boolean echoRequest) {
			super(message);
			this.code = code;
			this.echoRequest = echoRequest;
		}

		String code() {
			return this.code;
		}

		boolean echoRequest() {
			return this.echoRequest;
		}

	}

	/** The verb and its arguments, checked against what the verb accepts. */
	record Request(String verb, Map<String, String> arguments) {

		static Request parse(MultiValueMap<String, String> given) {
			List<String> verbs = given.getOrDefault("verb", List.of());
			if (verbs.size() != 1 || !ARGUMENTS.containsKey(verbs.get(0))) {
				throw new OaiError("badVerb", verbs.isEmpty() ? "The verb argument is missing."
						: "The verb is not one of OAI-PMH's or is repeated.");
			}
			String verb = verbs.get(0);
			Map<String, String> arguments = new java.util.TreeMap<>();
			for (Map.Entry<String, List<String>> entry : given.entrySet()) {
				if (entry.getKey().equals("verb")) {
					continue;
				}
				if (!ARGUMENTS.get(verb).contains(entry.getKey())) {
					throw new OaiError("badArgument", verb + " does not take the argument " + entry.getKey() + ".");
				}
				if (entry.getValue().size() != 1) {
					throw new OaiError("badArgument", "The argument " + entry.getKey() + " is repeated.");
				}
				arguments.put(entry.getKey(), entry.getValue().get(0));
			}
			Map<String, String> withVerb = new java.util.LinkedHashMap<>();
			withVerb.put("verb", verb);
			withVerb.putAll(arguments);
			return new Request(verb, java.util.Collections.unmodifiableMap(withVerb));
		}

		String require(String name) {
			String value = this.arguments.get(name);
			if (value == null || value.isBlank()) {
				throw new OaiError("badArgument", this.verb + " needs the argument " + name + ".");
			}
			return value;
		}

	}

	/**
	 * What a resumption token carries: the list's arguments and where the next page
	 * starts. It holds no state on the server, so any replica can continue a list.
	 */
	record ListArguments(Instant from, Instant until, String set, int offset) {

		String encode() {
			String raw = String.join("|", "v1", (this.from != null) ? this.from.toString() : "",
					(this.until != null) ? this.until.toString() : "", (this.set != null) ? this.set : "",
					String.valueOf(this.offset));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		}

		static ListArguments decode(String token) {
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|",
						-1);
				if (parts.length != 5 || !parts[0].equals("v1")) {
					throw new IllegalArgumentException();
				}
				int offset = Integer.parseInt(parts[4]);
				if (offset < 0 || (!parts[3].isEmpty() && !SET.matcher(parts[3]).matches())) {
					throw new IllegalArgumentException();
				}
				return new ListArguments(parts[1].isEmpty() ? null : Instant.parse(parts[1]),
						parts[2].isEmpty() ? null : Instant.parse(parts[2]), parts[3].isEmpty() ? null : parts[3],
						offset);
			}
			catch (RuntimeException ex) {
				throw new OaiError("badResumptionToken", "The resumption token is not one this repository issued.");
			}
		}

	}

}
