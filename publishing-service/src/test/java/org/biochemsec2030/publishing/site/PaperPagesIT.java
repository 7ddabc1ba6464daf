package org.biochemsec2030.publishing.site;

import java.io.StringReader;
import java.util.UUID;

import de.undercouch.citeproc.ris.RISParser;
import org.biochemsec2030.publishing.Api;
import org.biochemsec2030.publishing.Papers;
import org.biochemsec2030.publishing.PublishingServiceTest;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages of a published paper and its citations, by link and by {@code Accept},
 * read back by parsers that did not write them.
 */
@PublishingServiceTest
class PaperPagesIT {

	@Value("${local.server.port}")
	private int port;

	private Api reader;

	private String slug;

	private String title;

	private int series;

	@BeforeEach
	void publish() {
		Api publisher = new Api(this.port, "publisher");
		this.title = "Cloud labs and the CWC " + UUID.randomUUID().toString().substring(0, 6);
		JsonNode paper = Papers.published(publisher, this.title);
		this.slug = paper.get("slug").asString();
		this.series = paper.get("seriesNumber").asInt();
		this.reader = publisher.anonymous();
	}

	@Test
	void thePaperPageCarriesMetaTagsJsonLdAndHowToCite() {
		Api.Response page = this.reader.page("/papers/" + this.slug);
		assertThat(page.status()).isEqualTo(200);
		Document html = Jsoup.parse(page.body());
		assertThat(html.title()).isEqualTo(this.title + " · Bio-Chemical Security 2030");
		assertThat(html.select("meta[name=citation_title]").attr("content")).isEqualTo(this.title);
		assertThat(html.select("meta[name=citation_author]")).extracting(e -> e.attr("content"))
			.containsExactly("Ada Lovelace", "Grace Hopper");
		assertThat(html.select("meta[name=citation_technical_report_number]").attr("content"))
			.isEqualTo(String.valueOf(this.series));
		assertThat(html.select("meta[name=citation_pdf_url]").attr("content"))
			.isEqualTo("https://biochemsec2030.example/papers/" + this.slug + "/v1/paper.pdf");
		assertThat(html.select("link[rel=canonical]").attr("href"))
			.isEqualTo("https://biochemsec2030.example/papers/" + this.slug + "/v1");

		JsonNode ld = Api.JSON.readTree(html.select("script[type=application/ld+json]").html());
		assertThat(ld.get("@type").asString()).isEqualTo("ScholarlyArticle");
		assertThat(ld.get("headline").asString()).isEqualTo(this.title);
		assertThat(ld.at("/author/0/name").asString()).isEqualTo("Ada Lovelace");
		assertThat(ld.at("/author/0/identifier").asString()).isEqualTo("https://orcid.org/0000-0002-1825-0097");
		assertThat(ld.get("license").asString()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");

		assertThat(html.select(".prose table")).hasSize(1);
		assertThat(html.select(".prose sup.footnote-ref a")).hasSize(1);
		assertThat(html.select(".references").text()).contains("Harmonized Screening Protocol v3");
		assertThat(html.select(".citation").text()).contains("Lovelace, A.").contains(this.title);
		assertThat(html.select("a[rel=license]").text()).isEqualTo("Creative Commons Attribution 4.0 International");
		assertThat(html.select("ol.versions a")).extracting(e -> e.attr("href"))
			.containsExactly("/papers/" + this.slug + "/v1");
		assertThat(html.select("main").text()).contains("BCS2030 Briefing Paper No. " + this.series);
	}

	@Test
	void theVersionsOwnPageAndTheSeriesList() {
		assertThat(this.reader.page("/papers/" + this.slug + "/v1").status()).isEqualTo(200);
		assertThat(this.reader.page("/papers/" + this.slug + "/v2").status()).isEqualTo(404);
		assertThat(this.reader.page("/papers/" + this.slug + "/vx").status()).isEqualTo(404);
		Document list = Jsoup.parse(this.reader.page("/papers").body());
		assertThat(list.select("ul.entries h2 a")).extracting(e -> e.attr("href")).contains("/papers/" + this.slug);
		assertThat(this.reader.page("/papers?page=0").status()).isEqualTo(404);
	}

	@Test
	void citationsByLinkReadBackWithIndependentParsers() throws Exception {
		Api.Response bib = this.reader.get("/papers/" + this.slug + "/v1/cite.bib");
		assertThat(bib.status()).isEqualTo(200);
		assertThat(bib.header("Content-Type")).startsWith("application/x-bibtex");
		BibTeXDatabase database = new BibTeXParser().parse(new StringReader(bib.body()));
		BibTeXEntry entry = database.getEntries().values().iterator().next();
		assertThat(entry.getField(BibTeXEntry.KEY_TITLE).toUserString()).isEqualTo(this.title);

		Api.Response ris = this.reader.get("/papers/" + this.slug + "/cite.ris");
		assertThat(new RISParser().parse(new StringReader(ris.body())).getReferences().get(0).getTitle())
			.isEqualTo(this.title);

		JsonNode csl = this.reader.get("/papers/" + this.slug + "/cite.json").json();
		assertThat(csl.at("/0/title").asString()).isEqualTo(this.title);
		assertThat(csl.at("/0/number").asString()).isEqualTo(String.valueOf(this.series));

		Api.Response chicago = this.reader.get("/papers/" + this.slug + "/cite?style=chicago-author-date");
		assertThat(chicago.status()).isEqualTo(200);
		// Chicago writes titles in headline case.
		assertThat(chicago.body()).contains("Lovelace, Ada").containsIgnoringCase(this.title).contains("2026");
		assertThat(this.reader.get("/papers/" + this.slug + "/cite?style=nope").status()).isEqualTo(400);
	}

	@Test
	void citationsByAcceptOnThePapersAddress() throws Exception {
		Api.Response bib = this.reader.get("/papers/" + this.slug, "application/x-bibtex");
		assertThat(bib.status()).isEqualTo(200);
		assertThat(new BibTeXParser().parse(new StringReader(bib.body())).getEntries()).hasSize(1);
		Api.Response ris = this.reader.get("/papers/" + this.slug + "/v1", "application/x-research-info-systems");
		assertThat(ris.body()).startsWith("TY  - RPRT");
		Api.Response csl = this.reader.get("/papers/" + this.slug, "application/vnd.citationstyles.csl+json");
		assertThat(csl.header("Content-Type")).startsWith("application/vnd.citationstyles.csl+json");
		assertThat(csl.json().at("/0/type").asString()).isEqualTo("report");
		Api.Response formatted = this.reader.get("/papers/" + this.slug, "text/x-bibliography");
		assertThat(formatted.body()).contains("Lovelace, A.");
		Api.Response browser = this.reader.get("/papers/" + this.slug,
				"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		assertThat(browser.header("Content-Type")).startsWith("text/html");
	}

	@Test
	void dataCiteMetadataByLinkAndByAcceptNamesTheVersionsDoi() throws Exception {
		Api.Response linked = this.reader.get("/papers/" + this.slug + "/v1/datacite.xml");
		assertThat(linked.status()).isEqualTo(200);
		assertThat(linked.header("Content-Type")).startsWith("application/xml");
		org.w3c.dom.Document xml = org.biochemsec2030.publishing.cite.DataCiteTests.parse(linked.body());
		assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("http://datacite.org/schema/kernel-4");
		assertThat(xml.getElementsByTagNameNS("*", "identifier").item(0).getTextContent())
			.isEqualTo("10.5072/bcs2030.bp" + this.series + ".v1");
		assertThat(xml.getElementsByTagNameNS("*", "title").item(0).getTextContent()).isEqualTo(this.title);
		Api.Response negotiated = this.reader.get("/papers/" + this.slug, "application/vnd.datacite.datacite+xml");
		assertThat(negotiated.header("Content-Type")).startsWith("application/vnd.datacite.datacite+xml");
		assertThat(negotiated.body()).isEqualTo(linked.body());
	}

}
