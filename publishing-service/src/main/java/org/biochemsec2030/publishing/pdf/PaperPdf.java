package org.biochemsec2030.publishing.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.biochemsec2030.publishing.cite.Citations;
import org.biochemsec2030.publishing.paper.Author;
import org.biochemsec2030.publishing.paper.PaperView;
import org.biochemsec2030.publishing.pdf.Layout.Span;
import org.biochemsec2030.publishing.support.PublishingProperties;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

import org.springframework.stereotype.Component;

/**
 * The print-ready PDF of one published version, made with Apache PDFBox: a cover with the
 * series number, the treaty meeting and agenda item, the licence, how to cite and a QR
 * code to the version's address, then the text. The font (Liberation Sans, shipped inside
 * PDFBox) is embedded as a subset, so the file prints the same everywhere. The file is
 * tagged ({@link StructureTree}): headings, paragraphs, lists, tables, notes, links and
 * the QR code's figure are structure elements a screen reader can follow, and the footers
 * are artifacts.
 */
@Component
public class PaperPdf {

	private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final Parser parser = Parser.builder()
		.extensions(List.of(TablesExtension.create(), FootnotesExtension.create()))
		.build();

	private final Citations citations;

	private final PublishingProperties properties;

	PaperPdf(Citations citations, PublishingProperties properties) {
		this.citations = citations;
		this.properties = properties;
	}

	/** The PDF of one version; versions never change, so neither does this. */
	public byte[] render(PaperView paper, String body) {
		try (PDDocument document = new PDDocument()) {
			PDType0Font font = font(document);
			StructureTree tree = new StructureTree(document);
			Layout layout = new Layout(document, font, tree);
			PDStructureElement top = tree.document();
			String address = this.properties.absolute(paper.versionUrl());
			cover(layout, top, paper, address);
			layout.newPage();
			// The title again above the text; the cover's is the heading.
			layout.block("P", top, paper.title(), 16);
			layout.block("H2", top, "Abstract", 12);
			layout.block("P", top, paper.abstractText(), 10);
			new MarkdownBlocks(layout, this.properties::absolute).render(this.parser.parse(body), top);
			List<String> references = this.citations.references(paper, Citations.DEFAULT_STYLE);
			if (!references.isEmpty()) {
				layout.block("H2", top, "References", 12);
				for (String reference : this.citations.referencesText(paper, Citations.DEFAULT_STYLE)) {
					layout.block("P", top, reference, 9);
				}
			}
			layout.close();
			footers(document, font, paper);
			tree.finish();
			info(document, paper, address);
			PdfA.apply(document);
			return PdfA.save(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The PDF of " + paper.versionUrl() + " could not be made", ex);
		}
	}

	private void cover(Layout layout, PDStructureElement top, PaperView paper, String address) throws IOException {
		layout.newPage();
		if (!paper.series().isEmpty()) {
			layout.block("P", top, paper.series(), 14);
		}
		layout.gap(12);
		layout.block("H1", top, paper.title(), 22);
		layout.block("P", top, String.join("; ", paper.authors().stream().map(PaperPdf::byline).toList()), 11);
		layout.gap(8);
		if (paper.meeting() != null) {
			layout.block("P", top, "Prepared for: " + paper.meeting().name()
					+ ((paper.agendaItem() != null) ? " — " + paper.agendaItem() : ""), 11);
		}
		if (!paper.unDocuments().isEmpty()) {
			layout.block("P", top, "Related UN documents: " + String.join(", ", paper.unDocuments()), 10);
		}
		layout.block("P", top,
				"Version " + paper.version() + ", published " + DAY.format(paper.publishedAt().atZone(ZoneOffset.UTC)),
				10);
		layout.gap(12);
		layout.block("P", top, List.of(Span.plain("Licence: " + paper.licenceTitle() + " (" + paper.licence() + "), "),
				Span.link(paper.licenceUrl(), paper.licenceUrl())), 10);
		layout.block("P", top, "How to cite: " + this.citations.formatted(paper, Citations.DEFAULT_STYLE, "text"), 10);
		layout.block("P", top, List.of(Span.plain("Online: "), Span.link(address, address)), 10);
		if (paper.withdrawal() != null) {
			layout.block("P", top, "WITHDRAWN: " + paper.withdrawal().notice(), 12);
		}
		layout.qr(address, top);
	}

	private static String byline(Author author) {
		return author.name() + ((author.affiliation() != null) ? " (" + author.affiliation() + ")" : "");
	}

	/**
	 * Series, licence and page number on every page: pagination artifacts, which a screen
	 * reader skips and which carry nothing the text does not.
	 */
	private void footers(PDDocument document, PDType0Font font, PaperView paper) throws IOException {
		int total = document.getNumberOfPages();
		String left = Layout.printable(font,
				(paper.series().isEmpty() ? "" : paper.series() + " · ") + paper.licence());
		for (int i = 0; i < total; i++) {
			PDPage page = document.getPage(i);
			try (PDPageContentStream content = new PDPageContentStream(document, page,
					PDPageContentStream.AppendMode.APPEND, true)) {
				content.beginMarkedContent(COSName.ARTIFACT, pagination("Footer"));
				content.beginText();
				content.setFont(font, 8);
				content.newLineAtOffset(Layout.MARGIN, 32);
				content.showText(left + "   ·   page " + (i + 1) + " of " + total);
				content.endText();
				content.endMarkedContent();
			}
		}
	}

	static PDPropertyList pagination(String subtype) {
		COSDictionary properties = new COSDictionary();
		properties.setName(COSName.TYPE, "Pagination");
		properties.setName(COSName.SUBTYPE, subtype);
		return PDPropertyList.create(properties);
	}

	private void info(PDDocument document, PaperView paper, String address) {
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle(paper.title());
		info.setAuthor(String.join("; ", paper.authors().stream().map(Author::name).toList()));
		info.setSubject(paper.series() + " — " + address);
		info.setKeywords(String.join(", ", paper.topics()));
		info.setCreator(this.properties.publisher());
		Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
		created.setTimeInMillis(paper.publishedAt().toEpochMilli());
		// The publication time, not the time of rendering: the same version gives the
		// same file.
		info.setCreationDate(created);
		info.setModificationDate(created);
	}

	static PDType0Font font(PDDocument document) throws IOException {
		try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
			if (in == null) {
				throw new IOException("The embedded font " + FONT + " is missing from the classpath");
			}
			return PDType0Font.load(document, in, true);
		}
	}

}
