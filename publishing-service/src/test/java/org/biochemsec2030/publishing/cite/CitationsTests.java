package org.biochemsec2030.publishing.cite;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.ris.RISLibrary;
import de.undercouch.citeproc.ris.RISParser;
import de.undercouch.citeproc.ris.RISReference;
import de.undercouch.citeproc.ris.RISType;
import org.biochemsec2030.publishing.paper.Author;
import org.biochemsec2030.publishing.paper.PaperView;
import org.biochemsec2030.publishing.support.InvalidInput;
import org.biochemsec2030.publishing.support.PublishingProperties;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every export is read back by a parser that did not write it: jbibtex for BibTeX, the
 * RIS and CSL-JSON readers of citeproc-java for the others.
 */
class CitationsTests {

	static final PublishingProperties PROPERTIES = new PublishingProperties(URI.create("https://bcs.example"),
			"BCS2030 Briefing Paper", "Bio-Chemical Security 2030",
			new PublishingProperties.Scheduler(false, java.time.Duration.ofSeconds(30), 20),
			new PublishingProperties.Reminders(false, java.time.Duration.ofHours(1), 3, "papers@bcs.example"),
			"10.5072");

	private final Citations citations = new Citations(PROPERTIES);

	static PaperView paper(String title) {
		return paper(title,
				List.of(Map.of("id", "igsc", "type", "report", "title", "Harmonized Screening Protocol v3", "author",
						List.of(Map.of("literal", "International Gene Synthesis Consortium")), "issued",
						Map.of("date-parts", List.of(List.of(2024))))));
	}

	static PaperView paper(String title, List<Map<String, Object>> references) {
		return new PaperView("5d2f8a61-3c1e-4b7a-9f0d-2e6b1c4a8d11", "gene-synthesis", "/papers/gene-synthesis",
				"/papers/gene-synthesis/v2", 2, true, title, "How screening informs the S&T review.", "<p>Body</p>",
				List.of(new Author("Ada Lovelace", "University of Bath", "0000-0002-1825-0097", null),
						new Author("Grace Brewster Hopper", null, null, null), new Author("UNIDIR", null, null, null)),
				List.of("synthetic-biology"), List.of("BWC"), List.of(), "CC-BY-4.0",
				"Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/",
				new PaperView.MeetingRef("bwc-msp-2026", "BWC Meeting of States Parties 2026",
						"/meetings/bwc-msp-2026"),
				"Item 6", List.of("BWC/MSP/2026/3"), LocalDate.of(2026, 12, 1), references, 7,
				"BCS2030 Briefing Paper No. 7", Instant.parse("2026-11-20T09:30:00Z"),
				Instant.parse("2026-10-01T09:30:00Z"), null, null, List.of());
	}

	@Test
	void bibtexReadsBackWithJbibtexEvenWithSpecialCharacters() throws Exception {
		String title = "Screening {braces}, 100% & $costs_ #1";
		BibTeXDatabase database = new BibTeXParser().parse(new StringReader(this.citations.bibtex(paper(title))));
		assertThat(database.getEntries()).hasSize(1);
		BibTeXEntry entry = database.getEntries().values().iterator().next();
		assertThat(entry.getType()).isEqualTo(BibTeXEntry.TYPE_TECHREPORT);
		assertThat(entry.getField(BibTeXEntry.KEY_TITLE).toUserString())
			.isEqualTo("Screening \\{braces\\}, 100\\% \\& \\$costs\\_ \\#1");
		assertThat(entry.getField(BibTeXEntry.KEY_AUTHOR).toUserString())
			.isEqualTo("Lovelace, Ada and Hopper, Grace Brewster and {UNIDIR}");
		assertThat(entry.getField(BibTeXEntry.KEY_NUMBER).toUserString()).isEqualTo("7");
		assertThat(entry.getField(BibTeXEntry.KEY_YEAR).toUserString()).isEqualTo("2026");
		assertThat(entry.getField(BibTeXEntry.KEY_URL).toUserString())
			.isEqualTo("https://bcs.example/papers/gene-synthesis/v2");
		assertThat(entry.getField(new Key("institution")).toUserString()).isEqualTo("Bio-Chemical Security 2030");
	}

	@Test
	void risReadsBackWithAnIndependentParser() throws Exception {
		RISLibrary library = new RISParser().parse(new StringReader(this.citations.ris(paper("A title"))));
		assertThat(library.getReferences()).hasSize(1);
		RISReference ref = library.getReferences().get(0);
		assertThat(ref.getType()).isEqualTo(RISType.RPRT);
		assertThat(ref.getTitle()).isEqualTo("A title");
		assertThat(ref.getAuthors()).containsExactly("Lovelace, Ada", "Hopper, Grace Brewster", "UNIDIR");
		assertThat(ref.getYear()).isEqualTo("2026");
		assertThat(ref.getPublisher()).isEqualTo("Bio-Chemical Security 2030");
		assertThat(ref.getURL()).isEqualTo("https://bcs.example/papers/gene-synthesis/v2");
	}

	@Test
	void cslJsonReadsBackAsACslItem() {
		CSLItemData item = CSLItemData.fromJson(this.citations.cslJson(paper("A title")));
		assertThat(item.getTitle()).isEqualTo("A title");
		assertThat(item.getAuthor()[0].getFamily()).isEqualTo("Lovelace");
		assertThat(item.getAuthor()[2].getLiteral()).isEqualTo("UNIDIR");
		assertThat(item.getIssued().getDateParts()[0]).containsExactly(2026, 11, 20);
		assertThat(item.getCollectionTitle()).isEqualTo("BCS2030 Briefing Paper");
		assertThat(item.getNumber()).isEqualTo("7");
		assertThat(item.getURL()).isEqualTo("https://bcs.example/papers/gene-synthesis/v2");
	}

	@Test
	void formatsCitationsInRealCslStyles() {
		String apa = this.citations.formatted(paper("Gene synthesis screening"), "apa", "text");
		assertThat(apa).contains("Lovelace, A.")
			.contains("(2026")
			.contains("Gene synthesis screening")
			.contains("https://bcs.example/papers/gene-synthesis/v2");
		String chicago = this.citations.formatted(paper("Gene synthesis screening"), "chicago-author-date", "text");
		assertThat(chicago).contains("Lovelace, Ada").contains("2026").isNotEqualTo(apa);
	}

	@Test
	void formatsThePapersOwnReferences() {
		List<String> references = this.citations.references(paper("T"), "apa");
		assertThat(references).singleElement()
			.asString()
			.contains("International Gene Synthesis Consortium")
			.contains("Harmonized Screening Protocol v3");
	}

	@Test
	void refusesAStyleItDoesNotOffer() {
		assertThatThrownBy(() -> Citations.style("../../etc/passwd")).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("apa");
		assertThat(Citations.style(null)).isEqualTo("apa");
	}

}
