package org.biochemsec2030.publishing.cite;

import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.platform.taxonomy.Topic;
import org.biochemsec2030.publishing.paper.Author;
import org.biochemsec2030.publishing.paper.PaperView;
import org.biochemsec2030.publishing.support.PublishingProperties;

import org.springframework.stereotype.Component;

/**
 * One version's metadata in the DataCite Metadata Schema (XML, kernel 4), ready to
 * register a DOI with: the DOI is the configured prefix and a suffix made of the series
 * number and version ({@code 10.5072/bcs2030.bp7.v2}), so each version has its own and
 * the paper's latest address is related to it. Written with a streaming XML writer, which
 * escapes every value.
 */
@Component
public class DataCite {

	static final String NAMESPACE = "http://datacite.org/schema/kernel-4";

	private static final String SCHEMA = NAMESPACE + " http://schema.datacite.org/meta/kernel-4/metadata.xsd";

	private final PublishingProperties properties;

	DataCite(PublishingProperties properties) {
		this.properties = properties;
	}

	/** The DOI this version would be registered under. */
	public String doi(PaperView paper) {
		String number = (paper.seriesNumber() != null) ? "bp" + paper.seriesNumber() : paper.slug();
		return this.properties.doiPrefix() + "/bcs2030." + number + ".v" + paper.version();
	}

	public String xml(PaperView paper) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("resource");
			xml.writeDefaultNamespace(NAMESPACE);
			xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
			xml.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation", SCHEMA);

			element(xml, "identifier", doi(paper), "identifierType", "DOI");
			xml.writeStartElement("creators");
			for (Author author : paper.authors()) {
				creator(xml, author);
			}
			xml.writeEndElement();
			xml.writeStartElement("titles");
			element(xml, "title", paper.title(), "xml:lang", "en");
			xml.writeEndElement();
			element(xml, "publisher", this.properties.publisher());
			element(xml, "publicationYear", String.valueOf(year(paper)));
			element(xml, "resourceType", "Briefing paper", "resourceTypeGeneral", "Report");

			xml.writeStartElement("subjects");
			for (String topic : paper.topics()) {
				element(xml, "subject", Topic.bySlug(topic).map(Topic::label).orElse(topic), "xml:lang", "en");
			}
			for (String regime : paper.regimes()) {
				element(xml, "subject", Regime.byCode(regime).map(Regime::label).orElse(regime), "xml:lang", "en");
			}
			xml.writeEndElement();

			xml.writeStartElement("dates");
			element(xml, "date", paper.publishedAt().atZone(ZoneOffset.UTC).toLocalDate().toString(), "dateType",
					"Issued");
			xml.writeEndElement();
			element(xml, "language", "en");
			xml.writeStartElement("alternateIdentifiers");
			element(xml, "alternateIdentifier", this.properties.absolute(paper.versionUrl()), "alternateIdentifierType",
					"URL");
			xml.writeEndElement();

			xml.writeStartElement("relatedIdentifiers");
			element(xml, "relatedIdentifier", this.properties.absolute(paper.url()), "relatedIdentifierType", "URL",
					"relationType", "IsVersionOf");
			if (paper.version() > 1) {
				element(xml, "relatedIdentifier", doi(paper).replaceFirst("\\.v\\d+$", ".v" + (paper.version() - 1)),
						"relatedIdentifierType", "DOI", "relationType", "IsNewVersionOf");
			}
			xml.writeEndElement();

			xml.writeStartElement("formats");
			element(xml, "format", "application/pdf");
			element(xml, "format", "text/html");
			xml.writeEndElement();
			element(xml, "version", String.valueOf(paper.version()));
			xml.writeStartElement("rightsList");
			element(xml, "rights", paper.licenceTitle(), "rightsURI", paper.licenceUrl(), "rightsIdentifier",
					paper.licence().toLowerCase(Locale.ROOT), "rightsIdentifierScheme", "SPDX", "schemeURI",
					"https://spdx.org/licenses/");
			xml.writeEndElement();

			xml.writeStartElement("descriptions");
			element(xml, "description", paper.abstractText(), "descriptionType", "Abstract", "xml:lang", "en");
			if (paper.seriesNumber() != null) {
				element(xml, "description", paper.series(), "descriptionType", "SeriesInformation");
			}
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("DataCite metadata of " + paper.slug() + " could not be written", ex);
		}
		return out.toString();
	}

	/**
	 * "Family, Given" with the parts, the ORCID iD and the affiliation; an organisation
	 * as one name.
	 */
	private static void creator(XMLStreamWriter xml, Author author) throws XMLStreamException {
		String name = author.name().trim().replaceAll("\\s+", " ");
		int space = name.lastIndexOf(' ');
		xml.writeStartElement("creator");
		if (space < 0) {
			element(xml, "creatorName", name, "nameType", "Organizational");
		}
		else {
			String given = name.substring(0, space);
			String family = name.substring(space + 1);
			element(xml, "creatorName", family + ", " + given, "nameType", "Personal");
			element(xml, "givenName", given);
			element(xml, "familyName", family);
		}
		if (author.orcid() != null) {
			element(xml, "nameIdentifier", "https://orcid.org/" + author.orcid(), "nameIdentifierScheme", "ORCID",
					"schemeURI", "https://orcid.org");
		}
		if (author.affiliation() != null) {
			element(xml, "affiliation", author.affiliation());
		}
		xml.writeEndElement();
	}

	private static void element(XMLStreamWriter xml, String name, String text, String... attributes)
			throws XMLStreamException {
		xml.writeStartElement(name);
		for (int i = 0; i < attributes.length; i += 2) {
			if (attributes[i].equals("xml:lang")) {
				xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", attributes[i + 1]);
			}
			else {
				xml.writeAttribute(attributes[i], attributes[i + 1]);
			}
		}
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static int year(PaperView paper) {
		return paper.publishedAt().atZone(ZoneOffset.UTC).getYear();
	}

}
