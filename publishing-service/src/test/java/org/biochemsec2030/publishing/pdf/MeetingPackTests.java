package org.biochemsec2030.publishing.pdf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.biochemsec2030.publishing.meeting.TreatyMeeting;
import org.biochemsec2030.publishing.pdf.TaggedPdf.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The delegates' pack keeps each paper's tags and gives every paper a bookmark. */
class MeetingPackTests {

	private static final TreatyMeeting MEETING = new TreatyMeeting("bwc-msp-2026", "BWC Meeting of States Parties 2026",
			"BWC", LocalDate.of(2026, 12, 14), LocalDate.of(2026, 12, 16), "Geneva", "/meetings/bwc-msp-2026");

	private final byte[] pack = new MeetingPack(PaperPdfTests.pdf()).pack(MEETING, List.of(
			new MeetingPack.Paper(PaperPdfTests.paper("First paper on screening"), PaperPdfTests.BODY),
			new MeetingPack.Paper(PaperPdfTests.paper("Second paper on export controls"), "Only one paragraph here.")));

	@Test
	void thePackIsPdfA1aAndTaggedThroughout() throws Exception {
		PdfAConformance.assertPdfA1b(this.pack);
		try (PDDocument pdf = Loader.loadPDF(this.pack)) {
			assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
			TaggedPdf tagged = new TaggedPdf(pdf);
			tagged.assertWellFormed();
			// The merger moves each paper's elements into the pack's one Document: a
			// paper
			// begins at its H1.
			assertThat(tagged.roots()).extracting(Element::type).containsExactly("Document");
			assertThat(tagged.texts("H1")).containsExactly("Briefing papers", "First paper on screening",
					"Second paper on export controls");
			assertThat(tagged.elements("TOCI")).hasSize(2);
			assertThat(tagged.texts("P")).containsOnlyOnce("Only one paragraph here.");
			assertThat(tagged.elements("Figure")).hasSize(2)
				.allSatisfy((figure) -> assertThat(figure.alt()).isNotBlank());
		}
	}

	@Test
	void eachPaperHasABookmarkToItsFirstPage() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(this.pack)) {
			List<String> titles = new ArrayList<>();
			List<Integer> pages = new ArrayList<>();
			for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
				titles.add(item.getTitle());
				pages.add(pdf.getPages().indexOf(((PDPageDestination) item.getDestination()).getPage()));
			}
			assertThat(titles).containsExactly("Contents", "BCS2030 Briefing Paper No. 7: First paper on screening",
					"BCS2030 Briefing Paper No. 7: Second paper on export controls");
			int firstLength;
			try (PDDocument first = Loader.loadPDF(
					PaperPdfTests.pdf().render(PaperPdfTests.paper("First paper on screening"), PaperPdfTests.BODY))) {
				firstLength = first.getNumberOfPages();
			}
			assertThat(pages).containsExactly(0, 1, 1 + firstLength);
		}
	}

}
