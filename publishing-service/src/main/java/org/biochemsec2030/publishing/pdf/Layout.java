package org.biochemsec2030.publishing.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;

/**
 * Lays tagged text out top to bottom over as many A4 pages as it needs. Every run of text
 * is drawn inside marked content owned by one structure element (a link's words by its
 * Link element, with the link annotation over them); rules and borders are artifacts.
 */
final class Layout {

	static final float MARGIN = 64;

	private static final float BOTTOM = MARGIN + 24;

	private static final float INDENT = 18;

	/**
	 * A piece of inline text; {@code href} is the absolute address it links to, or null.
	 */
	record Span(String text, String href) {

		static Span plain(String text) {
			return new Span(text, null);
		}

		static Span link(String text, String href) {
			return new Span(text, href);
		}

	}

	/** One table cell: header or data, and its text. */
	record Cell(boolean header, List<Span> spans) {

	}

	private record Token(String word, int span, boolean spaceBefore) {

	}

	private record Run(String text, int span) {

	}

	private final PDDocument document;

	private final PDType0Font font;

	private final StructureTree tree;

	private PDPage page;

	private PDPageContentStream content;

	private float y;

	private float indent;

	private PDStructureElement pendingLabel;

	private String pendingLabelText;

	Layout(PDDocument document, PDType0Font font, StructureTree tree) {
		this.document = document;
		this.font = font;
		this.tree = tree;
	}

	StructureTree tree() {
		return this.tree;
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

	void indent(float points) {
		this.indent += points;
	}

	/** The list label drawn left of the first line the next block draws. */
	void label(PDStructureElement label, String text) {
		this.pendingLabel = label;
		this.pendingLabelText = text;
	}

	/** A new element of the given type holding the spans as wrapped lines. */
	PDStructureElement block(String type, PDStructureElement parent, List<Span> spans, float size) throws IOException {
		PDStructureElement element = this.tree.element(type, parent);
		block(element, spans, size);
		return element;
	}

	PDStructureElement block(String type, PDStructureElement parent, String text, float size) throws IOException {
		return block(type, parent, List.of(Span.plain(text)), size);
	}

	void block(PDStructureElement element, List<Span> spans, float size) throws IOException {
		float leading = size * 1.35f;
		float left = MARGIN + this.indent;
		Map<Integer, PDStructureElement> links = new HashMap<>();
		for (List<Run> line : lines(spans, size, PDRectangle.A4.getWidth() - MARGIN - left)) {
			if (this.y - leading < BOTTOM) {
				newPage();
			}
			this.y -= leading;
			if (this.pendingLabel != null) {
				text(this.pendingLabel, this.pendingLabelText, left - INDENT + 4, this.y, size);
				this.pendingLabel = null;
			}
			line(line, left, this.y, size, element, spans, links);
		}
		this.y -= size * 0.6f;
	}

	/**
	 * A table as a grid of equal columns; a row is never split over two pages. Rows go
	 * straight under the Table element, header cells are TH with a column scope.
	 */
	void table(PDStructureElement table, List<List<Cell>> rows) throws IOException {
		int columns = rows.stream().mapToInt(List::size).max().orElse(0);
		if (columns == 0) {
			return;
		}
		float size = 9;
		float leading = size * 1.35f;
		float padding = 3;
		float left = MARGIN + this.indent;
		float column = (PDRectangle.A4.getWidth() - MARGIN - left) / columns;
		for (List<Cell> row : rows) {
			List<List<List<Run>>> cells = new ArrayList<>();
			int height = 1;
			for (Cell cell : row) {
				List<List<Run>> lines = lines(cell.spans(), size, column - 2 * padding);
				cells.add(lines);
				height = Math.max(height, lines.size());
			}
			float rowHeight = height * leading + 2 * padding;
			if (this.y - rowHeight < BOTTOM) {
				newPage();
			}
			float top = this.y;
			PDStructureElement tr = this.tree.element("TR", table);
			for (int c = 0; c < row.size(); c++) {
				Cell cell = row.get(c);
				PDStructureElement element = this.tree.element(cell.header() ? "TH" : "TD", tr);
				if (cell.header()) {
					StructureTree.columnHeader(element);
				}
				Map<Integer, PDStructureElement> links = new HashMap<>();
				float baseline = top - padding;
				for (List<Run> line : cells.get(c)) {
					baseline -= leading;
					line(line, left + c * column + padding, baseline + size * 0.3f, size, element, cell.spans(), links);
				}
			}
			this.content.beginMarkedContent(COSName.ARTIFACT);
			this.content.setLineWidth(0.5f);
			for (int c = 0; c < columns; c++) {
				this.content.addRect(left + c * column, top - rowHeight, column, rowHeight);
			}
			this.content.stroke();
			this.content.endMarkedContent();
			this.y = top - rowHeight;
		}
		this.y -= 6;
	}

	/** A horizontal rule (a Markdown thematic break): decoration, so an artifact. */
	void rule() throws IOException {
		if (this.y - 12 < BOTTOM) {
			newPage();
		}
		this.y -= 6;
		this.content.beginMarkedContent(COSName.ARTIFACT);
		this.content.setLineWidth(0.5f);
		this.content.moveTo(MARGIN + this.indent, this.y);
		this.content.lineTo(PDRectangle.A4.getWidth() - MARGIN, this.y);
		this.content.stroke();
		this.content.endMarkedContent();
		this.y -= 6;
	}

	/**
	 * A QR code drawn as squares (vector, sharp at any size) with a link: a Figure with
	 * alternative text inside a Link element that also owns the annotation.
	 */
	void qr(String address, PDStructureElement parent) throws IOException {
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
		PDRectangle box = new PDRectangle(left, bottom, size, size);
		PDStructureElement link = this.tree.element("Link", parent);
		PDStructureElement figure = this.tree.element("Figure", link);
		figure.setAlternateDescription("QR code linking to " + address);
		StructureTree.boundingBox(figure, box);
		this.content.beginMarkedContent(COSName.getPDFName("Figure"), this.tree.mark(this.page, figure));
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
		this.content.endMarkedContent();
		link(box, address, link);
	}

	void close() throws IOException {
		if (this.content != null) {
			this.content.close();
			this.content = null;
		}
	}

	/** Draws one line run by run, each run its own marked content. */
	private void line(List<Run> line, float left, float baseline, float size, PDStructureElement owner,
			List<Span> spans, Map<Integer, PDStructureElement> links) throws IOException {
		float x = left;
		for (Run run : line) {
			Span span = spans.get(run.span());
			PDStructureElement element = owner;
			if (span.href() != null) {
				element = links.computeIfAbsent(run.span(), (i) -> this.tree.element("Link", owner));
			}
			if (span.href() != null) {
				// Links in blue, so they can be told from the text around them.
				this.content.setNonStrokingColor(0.05f, 0.25f, 0.6f);
				text(element, run.text(), x, baseline, size);
				this.content.setNonStrokingColor(0f, 0f, 0f);
			}
			else {
				text(element, run.text(), x, baseline, size);
			}
			float width = width(run.text(), size);
			if (span.href() != null) {
				float words = width(run.text().stripTrailing(), size);
				link(new PDRectangle(x, baseline - size * 0.25f, words, size * 1.15f), span.href(), element);
			}
			x += width;
		}
	}

	private void text(PDStructureElement owner, String text, float x, float baseline, float size) throws IOException {
		this.content.beginMarkedContent(COSName.getPDFName(owner.getStructureType()), this.tree.mark(this.page, owner));
		this.content.beginText();
		this.content.setFont(this.font, size);
		this.content.newLineAtOffset(x, baseline);
		this.content.showText(text);
		this.content.endText();
		this.content.endMarkedContent();
	}

	private void link(PDRectangle box, String address, PDStructureElement owner) throws IOException {
		PDAnnotationLink link = new PDAnnotationLink();
		link.setRectangle(box);
		PDBorderStyleDictionary border = new PDBorderStyleDictionary();
		border.setWidth(0);
		link.setBorderStyle(border);
		// What a screen reader announces for the link (PDF/UA asks for it).
		link.setContents("Link to " + address);
		PDActionURI action = new PDActionURI();
		action.setURI(address);
		link.setAction(action);
		this.page.getAnnotations().add(link);
		this.tree.annotation(this.page, link, owner);
	}

	/**
	 * Wraps words into lines of at most {@code width}; each line is a list of runs, one
	 * per stretch of words from the same span. A space between words stays in the text,
	 * so text extraction and PDF/A see real word breaks.
	 */
	private List<List<Run>> lines(List<Span> spans, float size, float width) throws IOException {
		List<Token> tokens = new ArrayList<>();
		boolean afterSpace = false;
		for (int i = 0; i < spans.size(); i++) {
			String text = printable(this.font, spans.get(i).text());
			StringBuilder word = new StringBuilder();
			for (int k = 0; k < text.length(); k++) {
				char ch = text.charAt(k);
				if (Character.isWhitespace(ch)) {
					if (!word.isEmpty()) {
						tokens.add(new Token(word.toString(), i, afterSpace));
						word.setLength(0);
					}
					afterSpace = true;
				}
				else {
					word.append(ch);
				}
			}
			if (!word.isEmpty()) {
				tokens.add(new Token(word.toString(), i, afterSpace));
				afterSpace = false;
			}
		}
		List<List<Token>> wrapped = new ArrayList<>();
		List<Token> current = new ArrayList<>();
		float used = 0;
		float spaceWidth = width(" ", size);
		for (Token token : tokens) {
			float extra = (token.spaceBefore() && !current.isEmpty() ? spaceWidth : 0) + width(token.word(), size);
			if (!current.isEmpty() && used + extra > width) {
				wrapped.add(current);
				current = new ArrayList<>();
				used = 0;
				extra = width(token.word(), size);
			}
			current.add(token);
			used += extra;
		}
		if (!current.isEmpty()) {
			wrapped.add(current);
		}
		List<List<Run>> lines = new ArrayList<>();
		for (int w = 0; w < wrapped.size(); w++) {
			List<Token> words = wrapped.get(w);
			List<Run> runs = new ArrayList<>();
			StringBuilder text = new StringBuilder();
			int span = words.get(0).span();
			for (int i = 0; i < words.size(); i++) {
				Token token = words.get(i);
				boolean space = i > 0 && token.spaceBefore();
				if (token.span() != span && spans.get(token.span()).href() == null && spans.get(span).href() == null) {
					// Plain words from neighbouring spans are one run of the block.
					span = token.span();
				}
				else if (token.span() != span) {
					// A space between a link and plain text is the plain text's, so the
					// link's text is its words alone.
					boolean afterLink = spans.get(span).href() != null && spans.get(token.span()).href() == null;
					if (space && !afterLink) {
						text.append(' ');
						space = false;
					}
					runs.add(new Run(text.toString(), span));
					text.setLength(0);
					span = token.span();
				}
				if (space) {
					text.append(' ');
				}
				text.append(token.word());
			}
			// The space a line break stands for stays at the end of the line, so a reader
			// following the structure does not run the two words together.
			if (w + 1 < wrapped.size() && wrapped.get(w + 1).get(0).spaceBefore()) {
				text.append(' ');
			}
			runs.add(new Run(text.toString(), span));
			lines.add(runs);
		}
		return lines;
	}

	private float width(String text, float size) throws IOException {
		return this.font.getStringWidth(text) / 1000 * size;
	}

	/**
	 * Characters the font has no glyph for (emoji, CJK) become '?' instead of failing.
	 */
	static String printable(PDType0Font font, String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().forEach((cp) -> {
			String ch = (cp == '\t' || cp == '\n' || cp == '\r') ? " " : new String(Character.toChars(cp));
			try {
				if (!Character.isISOControl(ch.codePointAt(0))) {
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
