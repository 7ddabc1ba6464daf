package org.biochemsec2030.publishing.pdf;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.biochemsec2030.publishing.cite.TestCitations;
import org.biochemsec2030.publishing.paper.Author;
import org.biochemsec2030.publishing.paper.PaperView;
import org.biochemsec2030.publishing.pdf.TaggedPdf.Element;
import org.biochemsec2030.publishing.support.PublishingProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paper's PDF as assistive technology reads it: the structure tree, the marked
 * content it points at, the parent tree back, and the catalogue entries of a tagged file.
 * No engine is needed: the PDF is drawn from a version in memory.
 */
class PaperPdfTests {

	static final PublishingProperties PROPERTIES = new PublishingProperties(URI.create("https://bcs.example"),
			"BCS2030 Briefing Paper", "Bio-Chemical Security 2030",
			new PublishingProperties.Scheduler(false, Duration.ofSeconds(30), 20),
			new PublishingProperties.Reminders(false, Duration.ofHours(1), 3, "papers@bcs.example"), "10.5072");

	static final String TITLE = "Benchtop synthesisers and export controls";

	static final String BODY = """
			# Why screening matters

			Providers screen orders against sequences of concern.[^igsc] See the \
			[consortium's protocol](https://genesynthesisconsortium.org/protocol) and our \
			[earlier paper](/papers/earlier/v1).

			## What a list looks like

			- Screen every order
			- Keep records for *eight* years

			1. Verify the customer
			2. Flag sequences of concern

			| Measure | Regime |
			|---|---|
			| Screening | BWC Article IV |
			| Export licence | Australia Group |

			---

			A closing paragraph long enough to wrap over more than one line of the page, so that its \
			text runs are several pieces of marked content owned by one and the same paragraph element.

			[^igsc]: International Gene Synthesis Consortium, Harmonized Screening Protocol v3.
			""";

	static PaperView paper(String title) {
		return new PaperView("5d2f8a61-3c1e-4b7a-9f0d-2e6b1c4a8d11", "benchtop", "/papers/benchtop",
				"/papers/benchtop/v1", 1, true, title, "How screening informs the S&T review.", "<p>Body</p>",
				List.of(new Author("Ada Lovelace", "University of Bath", "0000-0002-1825-0097", null),
						new Author("Grace Hopper", null, null, null)),
				List.of("synthetic-biology"), List.of("BWC"), List.of(), "CC-BY-4.0",
				"Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/",
				new PaperView.MeetingRef(
						"bwc-msp-2026", "BWC Meeting of States Parties 2026", "/meetings/bwc-msp-2026"),
				"Item 6", List.of("BWC/MSP/2026/3"), LocalDate.of(2026, 12, 1),
				List.of(Map.of("id", "igsc", "type", "report", "title", "Harmonized Screening Protocol v3", "author",
						List.of(Map.of("literal", "International Gene Synthesis Consortium")), "issued",
						Map.of("date-parts", List.of(List.of(2024))))),
				7, "BCS2030 Briefing Paper No. 7", Instant.parse("2026-11-20T09:30:00Z"),
				Instant.parse("2026-11-20T09:30:00Z"), null, null, List.of());
	}

	static PaperPdf pdf() {
		return new PaperPdf(TestCitations.with(PROPERTIES), PROPERTIES);
	}

	private final byte[] file = pdf().render(paper(TITLE), BODY);

	@Test
	void isDeclaredPdfA1aAndPassesTheValidator() throws Exception {
		PdfAConformance.assertPdfA1b(this.file);
		try (PDDocument pdf = Loader.loadPDF(this.file)) {
			PDFAIdentificationSchema id = new DomXmpParser()
				.parse(pdf.getDocumentCatalog().getMetadata().exportXMPMetadata())
				.getPDFAIdentificationSchema();
			assertThat(id.getPart()).isEqualTo(1);
			assertThat(id.getConformance()).isEqualTo("A");
		}
	}

	@Test
	void theCatalogueSaysTheFileIsTaggedInBritishEnglishAndShowsItsTitle() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(this.file)) {
			assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
			assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
			assertThat(pdf.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
			assertThat(pdf.getDocumentCatalog().getStructureTreeRoot().getParentTree()).isNotNull();
			assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(TITLE);
		}
	}

	@Test
	void everyTextRunIsMarkedAndEveryMcidHasExactlyOneElementFoundThroughTheParentTree() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(this.file)) {
			assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
			new TaggedPdf(pdf).assertWellFormed();
		}
	}

	@Test
	void theTitleIsTheOneH1AndTheMarkdownHeadingsAreOneLevelBelowIt() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(this.file)) {
			TaggedPdf tagged = new TaggedPdf(pdf);
			assertThat(tagged.roots()).extracting(Element::type).containsExactly("Document");
			assertThat(tagged.texts("H1")).containsExactly(TITLE);
			assertThat(tagged.texts("H2")).containsExactly("Abstract", "Why screening matters", "Notes", "References");
			assertThat(tagged.texts("H3")).containsExactly("What a list looks like");
		}
	}

	@Test
	void eachParagraphIsOneP() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(this.file)) {
			List<String> paragraphs = new TaggedPdf(pdf).texts("P");
			assertThat(paragraphs).containsOnlyOnce(
					"Providers screen orders against sequences of concern.[1] See the consortium's protocol and our "
							+ "earlier paper.",
					"A closing paragraph long enough to wrap over more than one line of the page, so that its "
							+ "text runs are several pieces of marked content owned by one and the same paragraph "
							+ "element.",
					"How screening informs the S&T review.", "Version 1, published 20 November 2026");
			assertThat(paragraphs).anySatisfy((p) -> assertThat(p).startsWith("How to cite: Lovelace, A."));
		}
	}

	@Test
	void listsAreLWithALabelAndABodyPerItem() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(this.file)) {
			TaggedPdf tagged = new TaggedPdf(pdf);
			assertThat(tagged.elements("L")).hasSize(2);
			assertThat(tagged.elements("LI")).hasSize(4)
				.allSatisfy((li) -> assertThat(li.kidTypes()).containsExactly("Lbl", "LBody"));
			assertThat(tagged.texts("Lbl")).containsExactly("•", "•", "1.", "2.");
			assertThat(tagged.texts("LBody")).containsExactly("Screen every order", "Keep records for eight years",
					"Verify the customer", "Flag sequences of concern");
		}
	}

	@Test
	void theTableIsRowsOfHeaderAndDataCells() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(this.file)) {
			TaggedPdf tagged = new TaggedPdf(pdf);
			Element table = tagged.elements("Table").getFirst();
			assertThat(table.kidTypes()).containsExactly("TR", "TR", "TR");
			assertThat(tagged.texts("TH")).containsExactly("Measure", "Regime");
			assertThat(tagged.elements("TH")).allSatisfy((th) -> assertThat(
					((COSDictionary) th.dictionary().getDictionaryObject(COSName.A)).getNameAsString("Scope"))
				.isEqualTo("Column"));
			assertThat(tagged.texts("TD")).containsExactly("Screening", "BWC Article IV", "Export licence",
					"Australia Group");
		}
	}

	@Test
	void theFootnoteIsANoteAndThePageFootersAreArtifacts() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(this.file)) {
			TaggedPdf tagged = new TaggedPdf(pdf);
			assertThat(tagged.texts("Note"))
				.containsExactly("1. International Gene Synthesis Consortium, Harmonized Screening Protocol v3.");
			// Table borders and rules are artifacts too, without text.
			assertThat(tagged.artifactText()).filteredOn((text) -> !text.isBlank())
				.hasSize(pdf.getNumberOfPages())
				.allSatisfy((footer) -> assertThat(footer).contains("CC-BY-4.0").contains("page"));
			assertThat(tagged.elements("P")).noneSatisfy((p) -> assertThat(p.text()).contains("page 1 of"));
		}
	}

	@Test
	void theQrCodeIsAFigureWithAltTextInsideItsLink() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(this.file)) {
			TaggedPdf tagged = new TaggedPdf(pdf);
			Element figure = tagged.elements("Figure").getFirst();
			assertThat(figure.alt()).isEqualTo("QR code linking to https://bcs.example/papers/benchtop/v1");
			assertThat(figure.marks()).hasSize(1);
			assertThat(((COSDictionary) figure.dictionary().getDictionaryObject(COSName.A))
				.getDictionaryObject(COSName.BBOX)).isInstanceOf(COSArray.class);
			assertThat(tagged.elements("Link"))
				.anySatisfy((link) -> assertThat(link.kids()).extracting(Element::dictionary)
					.containsExactly(figure.dictionary()));
		}
	}

	@Test
	void everyAddressIsALinkElementOwningItsAnnotation() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(this.file)) {
			TaggedPdf tagged = new TaggedPdf(pdf);
			List<Element> links = tagged.elements("Link");
			// The QR code's link holds the figure, no text.
			assertThat(links).extracting((link) -> link.text().strip())
				.contains("https://creativecommons.org/licenses/by/4.0/", "https://bcs.example/papers/benchtop/v1",
						"consortium's protocol", "earlier paper");
			assertThat(links).allSatisfy((link) -> assertThat(link.annotations()).isNotEmpty());
			List<String> targets = links.stream()
				.flatMap((link) -> link.annotations().stream())
				.map((annotation) -> ((PDActionURI) new PDAnnotationLink(annotation).getAction()).getURI())
				.toList();
			assertThat(targets).contains("https://genesynthesisconsortium.org/protocol",
					"https://bcs.example/papers/earlier/v1", "https://bcs.example/papers/benchtop/v1",
					"https://creativecommons.org/licenses/by/4.0/");
		}
	}

}
