package org.biochemsec2030.publishing.oai;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.biochemsec2030.publishing.Api;
import org.biochemsec2030.publishing.Papers;
import org.biochemsec2030.publishing.PublishingServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.InputSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer of the OAI-PMH endpoint is validated against the OAI-PMH 2.0 and oai_dc
 * XML Schemas (read from ../shared/xml-schemas, as published), records included.
 */
@PublishingServiceTest
@TestPropertySource(properties = "bcs.publishing.oai.page-size=2")
class OaiPmhIT {

	private static final String OAI = "http://www.openarchives.org/OAI/2.0/";

	private static Schema schema;

	@Value("${local.server.port}")
	private int port;

	@BeforeAll
	static void schemas() throws Exception {
		Path dir = Path.of(System.getProperty("bcs.repo.root", "..")).resolve("../shared/xml-schemas").normalize();
		SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		// oai_dc.xsd imports the Dublin Core elements from the web: answer with a local
		// copy.
		factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
			if (!"http://purl.org/dc/elements/1.1/".equals(namespace)) {
				return null;
			}
			return input(OaiPmhIT.class.getResourceAsStream("/oai/dc-elements.xsd"), systemId);
		});
		schema = factory.newSchema(new StreamSource[] { new StreamSource(dir.resolve("oai_dc.xsd").toFile()),
				new StreamSource(dir.resolve("OAI-PMH.xsd").toFile()) });
		assertThat(Files.exists(dir.resolve("OAI-PMH.xsd"))).isTrue();
	}

	@Test
	void everyVerbAnswersValidXmlWithResumptionAcrossPages() throws Exception {
		Api publisher = new Api(this.port, "publisher");
		String tag = UUID.randomUUID().toString().substring(0, 6);
		for (int i = 0; i < 3; i++) {
			Papers.published(publisher, "Harvested paper " + i + " " + tag);
		}
		Document identify = valid("?verb=Identify");
		assertThat(text(identify, "protocolVersion")).isEqualTo("2.0");
		assertThat(text(identify, "baseURL")).isEqualTo("https://biochemsec2030.example/api/publishing/oai");

		valid("?verb=ListMetadataFormats");
		Document sets = valid("?verb=ListSets");
		assertThat(texts(sets, "setSpec")).contains("regime:BWC", "topic:synthetic-biology");

		// Walk the whole list two at a time with the tokens.
		List<String> identifiers = new ArrayList<>();
		Document page = valid("?verb=ListIdentifiers&metadataPrefix=oai_dc");
		int pages = 1;
		while (true) {
			identifiers.addAll(texts(page, "identifier"));
			String token = text(page, "resumptionToken");
			if (token == null || token.isEmpty()) {
				break;
			}
			page = valid("?verb=ListIdentifiers&resumptionToken=" + token);
			pages++;
		}
		int total = Integer.parseInt(((Element) page.getElementsByTagNameNS(OAI, "resumptionToken").item(0))
			.getAttribute("completeListSize"));
		assertThat(identifiers).hasSize(total).doesNotHaveDuplicates();
		assertThat(pages).isEqualTo((total + 1) / 2);

		Document records = valid("?verb=ListRecords&metadataPrefix=oai_dc&set=regime:BWC");
		assertThat(records.getElementsByTagNameNS("http://www.openarchives.org/OAI/2.0/oai_dc/", "dc").getLength())
			.isEqualTo(2);
		assertThat(text(records, "resumptionToken")).isNotEmpty();

		String one = identifiers.get(0);
		Document record = valid("?verb=GetRecord&metadataPrefix=oai_dc&identifier=" + one);
		assertThat(texts(record, "title", "http://purl.org/dc/elements/1.1/")).hasSize(1);
		assertThat(texts(record, "rights", "http://purl.org/dc/elements/1.1/").get(0)).contains("Creative Commons");
		valid("?verb=ListMetadataFormats&identifier=" + one);
		valid("?verb=ListRecords&metadataPrefix=oai_dc&from=2000-01-01&until=2100-12-31");
	}

	@Test
	void errorsUseTheProtocolsCodesAndValidate() throws Exception {
		assertThat(error("")).isEqualTo("badVerb");
		assertThat(error("?verb=Dance")).isEqualTo("badVerb");
		assertThat(error("?verb=Identify&verb=Identify")).isEqualTo("badVerb");
		assertThat(error("?verb=Identify&extra=1")).isEqualTo("badArgument");
		assertThat(error("?verb=ListRecords")).isEqualTo("badArgument");
		assertThat(error("?verb=ListRecords&metadataPrefix=marc21")).isEqualTo("cannotDisseminateFormat");
		assertThat(error("?verb=ListRecords&metadataPrefix=oai_dc&from=yesterday")).isEqualTo("badArgument");
		assertThat(error("?verb=ListRecords&metadataPrefix=oai_dc&from=2001-01-01&until=2000-01-01"))
			.isEqualTo("badArgument");
		assertThat(error("?verb=ListRecords&metadataPrefix=oai_dc&from=2099-01-01")).isEqualTo("noRecordsMatch");
		assertThat(error("?verb=ListRecords&resumptionToken=not-a-token")).isEqualTo("badResumptionToken");
		assertThat(error("?verb=ListRecords&resumptionToken=x&metadataPrefix=oai_dc")).isEqualTo("badArgument");
		assertThat(error("?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere:1"))
			.isEqualTo("idDoesNotExist");
		assertThat(error("?verb=ListSets&resumptionToken=abc")).isEqualTo("badResumptionToken");
	}

	private String error(String query) throws Exception {
		Document answer = valid(query);
		NodeList errors = answer.getElementsByTagNameNS(OAI, "error");
		assertThat(errors.getLength()).as(query).isEqualTo(1);
		return ((Element) errors.item(0)).getAttribute("code");
	}

	private Document valid(String query) throws Exception {
		Api.Response response = new Api(this.port, null).get("/api/publishing/oai" + query);
		assertThat(response.status()).as(query).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("text/xml");
		schema.newValidator().validate(new StreamSource(new StringReader(response.body())));
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new InputSource(new StringReader(response.body())));
	}

	private static String text(Document document, String name) {
		NodeList nodes = document.getElementsByTagNameNS(OAI, name);
		return (nodes.getLength() == 0) ? null : nodes.item(0).getTextContent();
	}

	private static List<String> texts(Document document, String name) {
		return texts(document, name, OAI);
	}

	private static List<String> texts(Document document, String name, String namespace) {
		List<String> values = new ArrayList<>();
		NodeList nodes = document.getElementsByTagNameNS(namespace, name);
		for (int i = 0; i < nodes.getLength(); i++) {
			values.add(nodes.item(i).getTextContent());
		}
		return values;
	}

	private static LSInput input(InputStream stream, String systemId) {
		return new LSInput() {

			public java.io.Reader getCharacterStream() {
				return null;
			}

			public void setCharacterStream(java.io.Reader characterStream) {
			}

			public InputStream getByteStream() {
				return stream;
			}

			public void setByteStream(InputStream byteStream) {
			}

			public String getStringData() {
				return null;
			}

			public void setStringData(String stringData) {
			}

			public String getSystemId() {
				return systemId;
			}

			public void setSystemId(String id) {
			}

			public String getPublicId() {
				return null;
			}

			public void setPublicId(String publicId) {
			}

			public String getBaseURI() {
				return null;
			}

			public void setBaseURI(String baseURI) {
			}

			public String getEncoding() {
				return null;
			}

			public void setEncoding(String encoding) {
			}

			public boolean getCertifiedText() {
				return false;
			}

			public void setCertifiedText(boolean certifiedText) {
			}

		};
	}

}
