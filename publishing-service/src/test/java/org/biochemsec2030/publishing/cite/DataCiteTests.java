package org.biochemsec2030.publishing.cite;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version's DataCite metadata, read back by the JDK's namespace-aware XML parser: the
 * kernel-4 namespace, the six mandatory properties and the recommended ones a DOI
 * registration uses.
 */
public class DataCiteTests {

	private final DataCite dataCite = new DataCite(CitationsTests.PROPERTIES);

	@Test
	void aVersionHasTheMandatoryPropertiesOfKernel4UnderItsOwnDoi() throws Exception {
		Document xml = parse(this.dataCite.xml(CitationsTests.paper("Screening <synthetic> DNA & the BWC")));
		Element resource = xml.getDocumentElement();
		assertThat(resource.getNamespaceURI()).isEqualTo("http://datacite.org/schema/kernel-4");
		assertThat(resource.getLocalName()).isEqualTo("resource");
		Element identifier = first(xml, "identifier");
		assertThat(identifier.getAttribute("identifierType")).isEqualTo("DOI");
		assertThat(identifier.getTextContent()).isEqualTo("10.5072/bcs2030.bp7.v2").matches("10\\.\\d{4,9}/\\S+");
		assertThat(texts(xml, "title")).containsExactly("Screening <synthetic> DNA & the BWC");
		assertThat(texts(xml, "creatorName")).containsExactly("Lovelace, Ada", "Hopper, Grace Brewster", "UNIDIR");
		assertThat(all(xml, "creatorName").get(2).getAttribute("nameType")).isEqualTo("Organizational");
		Element orcid = first(xml, "nameIdentifier");
		assertThat(orcid.getTextContent()).isEqualTo("https://orcid.org/0000-0002-1825-0097");
		assertThat(orcid.getAttribute("nameIdentifierScheme")).isEqualTo("ORCID");
		assertThat(texts(xml, "affiliation")).containsExactly("University of Bath");
		assertThat(texts(xml, "publisher")).containsExactly("Bio-Chemical Security 2030");
		assertThat(texts(xml, "publicationYear")).containsExactly("2026");
		assertThat(first(xml, "resourceType").getAttribute("resourceTypeGeneral")).isEqualTo("Report");
		assertThat(texts(xml, "subject")).contains("Biological Weapons Convention");
		assertThat(first(xml, "date").getAttribute("dateType")).isEqualTo("Issued");
		assertThat(texts(xml, "date")).containsExactly("2026-11-20");
		assertThat(texts(xml, "version")).containsExactly("2");
		Element rights = first(xml, "rights");
		assertThat(rights.getAttribute("rightsURI")).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
		assertThat(rights.getAttribute("rightsIdentifier")).isEqualTo("cc-by-4.0");
		assertThat(texts(xml, "description")).containsExactly("How screening informs the S&T review.",
				"BCS2030 Briefing Paper No. 7");
		// The version's address, the paper's latest address and the DOI of version 1.
		assertThat(texts(xml, "alternateIdentifier")).containsExactly("https://bcs.example/papers/gene-synthesis/v2");
		assertThat(texts(xml, "relatedIdentifier")).containsExactly("https://bcs.example/papers/gene-synthesis",
				"10.5072/bcs2030.bp7.v1");
		assertThat(all(xml, "relatedIdentifier").get(1).getAttribute("relationType")).isEqualTo("IsNewVersionOf");
	}

	public static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<Element> all(Document xml, String name) {
		NodeList nodes = xml.getElementsByTagNameNS(DataCite.NAMESPACE, name);
		List<Element> elements = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			elements.add((Element) nodes.item(i));
		}
		return elements;
	}

	private static Element first(Document xml, String name) {
		List<Element> elements = all(xml, name);
		assertThat(elements).as(name).isNotEmpty();
		return elements.get(0);
	}

	private static List<String> texts(Document xml, String name) {
		return all(xml, name).stream().map(Element::getTextContent).toList();
	}

}
