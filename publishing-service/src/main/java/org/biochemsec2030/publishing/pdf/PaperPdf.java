package org.biochemsec2030.publishing.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.biochemsec2030.publishing.cite.Citations;
import org.biochemsec2030.publishing.paper.Author;
import org.biochemsec2030.publishing.paper.PaperView;
import org.biochemsec2030.publishing.support.PublishingProperties;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

import org.springframework.stereotype.Component;

/**
 * The print-ready PDF of one published version, made with Apache PDFBox: a cover with the
 * series number, the treaty meeting and agenda item, the licence, how to cite and a QR
 * code to the version's address, then the text. The font (Liberation Sans, shipped inside
 * PDFBox) is embedded as a subset, so the file prints the same everywhere.
 */
@Component
public class PaperPdf {

	private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private static final float MARGIN = 64;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final Parser parser = Parser.builder()
		.extensions(List.of(TablesExtension.create(), FootnotesExtension.create()))
		.build();

	private final TextContentRenderer text = TextContentRenderer.builder()
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
			Writer writer = new Writer(document, font);
			String address = this.properties.absolute(paper.versionUrl());
			cover(writer, paper, address);
			writer.newPage();
			writer.paragraph(paper.title(), 16);
			writer.paragraph("Abstract", 12);
			writer.paragraph(paper.abstractText(), 10);
			for (String block : this.text.render(this.parser.parse(body)).split("\\n\\s*\\n")) {
				writer.paragraph(block.replace('\n', ' '), 10);
			}
			List<String> references = this.citations.references(paper, Citations.DEFAULT_STYLE);
			if (!references.isEmpty()) {
				writer.paragraph("References", 12);
				for (String reference : this.citations.referencesText(paper, Citations.DEFAULT_STYLE)) {
					writer.paragraph(reference, 9);
				}
			}
			writer.close();
			footers(document, font, paper);
			info(document, paper, address);
			PdfA.apply(document);
			return PdfA.save(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The PDF of " + paper.versionUrl() + " could not be made", ex);
		}
	}

	private void cover(Writer writer, PaperView paper, String address) throws IOException {
		writer.newPage();
		if (!paper.series().isEmpty()) {
			writer.paragraph(paper.series(), 14);
		}
		writer.gap(12);
		writer.paragraph(paper.title(), 22);
		writer.paragraph(String.join("; ", paper.authors().stream().map(PaperPdf::byline).toList()), 11);
		writer.gap(8);
		if (paper.meeting() != null) {
			writer.paragraph("Prepared for: " + paper.meeting().name()
					+ ((paper.agendaItem() != null) ? " — " + paper.agendaItem() : ""), 11);
		}
		if (!paper.unDocuments().isEmpty()) {
			writer.paragraph("Related UN documents: " + String.join(", ", paper.unDocuments()), 10);
		}
		writer.paragraph(
				"Version " + paper.version() + ", published " + DAY.format(paper.publishedAt().atZone(ZoneOffset.UTC)),
				10);
		writer.gap(12);
		writer.paragraph("Licence: " + paper.licenceTitle() + " (" + paper.licence() + "), " + paper.licenceUrl(), 10);
		writer.paragraph("How to cite: " + this.citations.formatted(paper, Citations.DEFAULT_STYLE, "text"), 10);
		writer.paragraph("Online: " + address, 10);
		if (paper.withdrawal() != null) {
			writer.paragraph("WITHDRAWN: " + paper.withdrawal().notice(), 12);
		}
		writer.qr(address);
	}

	private static String byline(Author author) {
		return author.name() + ((author.affiliation() != null) ? " (" + author.affiliation() + ")" : "");
	}

	private void footers(PDDocument document, PDType0Font font, PaperView paper) throws IOException {
		int total = document.getNumberOfPages();
		String left = Writer.printable(font,
				(paper.series().isEmpty() ? "" : paper.series() + " · ") + paper.licence());
		for (int i = 0; i < total; i++) {
			PDPage page = document.getPage(i);
			try (PDPageContentStream content = new PDPageContentStream(document, page,
					PDPageContentStream.AppendMode.APPEND, true)) {
				content.beginText();
				content.setFont(font, 8);
				content.newLineAtOffset(MARGIN, 32);
				content.showText(left + "   ·   page " + (i + 1) + " of " + total);
				content.endText();
			}
		}
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
		document.getDocumentCatalog().setLanguage("en");
	}

	static PDType0Font font(PDDocument document) throws IOException {
		try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
			if (in == null) {
				throw new IOException("The embedded font " + FONT + " is missing from the classpath");
			}
			return PDType0Font.load(document, in, true);
		}
	}

	/** Lays text out top to bottom over as many A4 pages as it needs. */
	static final class Writer {

		private final PDDocument document;

		private final PDType0Font font;

		private PDPage page;

		private PDPageContentStream content;

		private float y;

		Writer(PDDocument document, PDType0Font font) {
			this.document = document;
			this.font = font;
		}

		void newPage() throws IOException {
			close();
			this.page = new PDPage(PDRectangle.A4);
			this.document.addPage(this.page);
			this.content = new PDPageContentStream(this.document, this.page);
			this.y = PDRectangle.A4.getHeight() - MARGIN;
		}

		void gap(float points) {
			this.y -= points;
		}

		void paragraph(String text, float size) throws IOException {
			float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
			float leading = size * 1.35f;
			for (String line : wrap(printable(this.font, text.trim()), size, width)) {
				if (this.y - leading < MARGIN + 24) {
					newPage();
				}
				this.y -= leading;
				this.content.beginText();
				this.content.setFont(this.font, size);
				this.content.newLineAtOffset(MARGIN, this.y);
				this.content.showText(line);
				this.content.endText();
			}
			this.y -= size * 0.6f;
		}

		/** A QR code drawn as squares (vector, sharp at any size) with a link. */
		void qr(String address) throws IOException {
			BitMatrix matrix;
			try {
				matrix = new QRCodeWriter().encode(address, BarcodeFormat.QR_CODE, 0, 0,
						Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
			}
			catch (WriterException ex) {
				throw new IOException("No QR code for " + address, ex);
			}
			float size = 120;
			float module = size / matrix.getWidth();
			float left = PDRectangle.A4.getWidth() - MARGIN - size;
			float bottom = MARGIN + 40;
			this.content.setNonStrokingColor(1f, 1f, 1f);
			this.content.addRect(left, bottom, size, size);
			this.content.fill();
			this.content.setNonStrokingColor(0f, 0f, 0f);
			for (int x = 0; x < matrix.getWidth(); x++) {
				for (int row = 0; row < matrix.getHeight(); row++) {
					if (matrix.get(x, row)) {
						this.content.addRect(left + x * module, bottom + size - (row + 1) * module, module, module);
					}
				}
			}
			this.content.fill();
			PDAnnotationLink link = new PDAnnotationLink();
			link.setRectangle(new PDRectangle(left, bottom, size, size));
			PDActionURI action = new PDActionURI();
			action.setURI(address);
			link.setAction(action);
			this.page.getAnnotations().add(link);
		}

		void close() throws IOException {
			if (this.content != null) {
				this.content.close();
				this.content = null;
			}
		}

		private List<String> wrap(String text, float size, float width) throws IOException {
			List<String> lines = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			for (String word : text.split("\\s+")) {
				String candidate = line.isEmpty() ? word : line + " " + word;
				if (!line.isEmpty() && this.font.getStringWidth(candidate) / 1000 * size > width) {
					lines.add(line.toString());
					line = new StringBuilder(word);
				}
				else {
					line = new StringBuilder(candidate);
				}
			}
			if (!line.isEmpty()) {
				lines.add(line.toString());
			}
			return lines;
		}

		/**
		 * Characters the font has no glyph for (emoji, CJK) become '?' instead of
		 * failing.
		 */
		static String printable(PDType0Font font, String text) {
			StringBuilder out = new StringBuilder();
			text.codePoints().forEach(cp -> {
				String ch = (cp == '\t') ? " " : new String(Character.toChars(cp));
				try {
					if (!Character.isISOControl(cp) || cp == '\t') {
						font.encode(ch);
						out.append(ch);
					}
				}
				catch (IOException | IllegalArgumentException ex) {
					out.append('?');
				}
			});
			return out.toString();
		}

	}

}
