package org.biochemsec2030.publishing.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.biochemsec2030.publishing.pdf.Layout.Cell;
import org.biochemsec2030.publishing.pdf.Layout.Span;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * The body's Markdown drawn block by block, each block under the structure element a
 * reader expects: headings one level below the title (# is H2), paragraphs P, lists L
 * with LI, Lbl and LBody, tables Table, TR, TH and TD, footnotes Note (numbered in the
 * order they are first referred to, as on the HTML page, and printed after the body).
 */
final class MarkdownBlocks {

	private static final float TEXT = 10;

	private final Layout layout;

	private final StructureTree tree;

	private final UnaryOperator<String> absolute;

	private final Map<String, Integer> footnotes = new LinkedHashMap<>();

	private final List<FootnoteDefinition> definitions = new ArrayList<>();

	/**
	 * @param absolute turns a site path ("/papers/x") into the public address
	 */
	MarkdownBlocks(Layout layout, UnaryOperator<String> absolute) {
		this.layout = layout;
		this.tree = layout.tree();
		this.absolute = absolute;
	}

	void render(Node document, PDStructureElement parent) throws IOException {
		blocks(document, parent);
		if (this.definitions.isEmpty()) {
			return;
		}
		this.layout.block("H2", parent, "Notes", 12);
		List<FootnoteDefinition> ordered = new ArrayList<>(this.definitions);
		ordered.sort(Comparator
			.comparingInt((FootnoteDefinition d) -> this.footnotes.getOrDefault(d.getLabel(), Integer.MAX_VALUE)));
		for (FootnoteDefinition definition : ordered) {
			List<Span> spans = new ArrayList<>();
			spans.add(Span.plain(number(definition.getLabel()) + ". "));
			for (Node child = definition.getFirstChild(); child != null; child = child.getNext()) {
				inline(child, null, spans);
				spans.add(Span.plain(" "));
			}
			this.layout.block("Note", parent, merged(spans), 9);
		}
	}

	private void blocks(Node node, PDStructureElement parent) throws IOException {
		for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
			block(child, parent);
		}
	}

	private void block(Node node, PDStructureElement parent) throws IOException {
		switch (node) {
			case Heading heading -> {
				int level = Math.min(6, heading.getLevel() + 1);
				this.layout.gap(4);
				this.layout.block("H" + level, parent, inline(heading),
						(level == 2) ? 13 : (level == 3) ? 11.5f : 10.5f);
			}
			case Paragraph paragraph -> this.layout.block("P", parent, inline(paragraph), TEXT);
			case ListBlock list -> list(list, parent);
			case BlockQuote quote -> {
				PDStructureElement element = this.tree.element("BlockQuote", parent);
				this.layout.indent(18);
				blocks(quote, element);
				this.layout.indent(-18);
			}
			case FencedCodeBlock code -> this.layout.block("P", parent, code.getLiteral(), 9);
			case IndentedCodeBlock code -> this.layout.block("P", parent, code.getLiteral(), 9);
			case TableBlock table -> table(table, parent);
			case FootnoteDefinition definition -> this.definitions.add(definition);
			case ThematicBreak rule -> this.layout.rule();
			// Raw HTML is not printed: the page's sanitizer decides what of it readers
			// see,
			// and its markup would only be noise on paper.
			case HtmlBlock html -> {
			}
			default -> blocks(node, parent);
		}
	}

	private void list(ListBlock list, PDStructureElement parent) throws IOException {
		PDStructureElement element = this.tree.element("L", parent);
		int number = (list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null)
				? ordered.getMarkerStartNumber() : 1;
		this.layout.indent(18);
		for (Node child = list.getFirstChild(); child != null; child = child.getNext()) {
			if (child instanceof ListItem item) {
				PDStructureElement li = this.tree.element("LI", element);
				PDStructureElement label = this.tree.element("Lbl", li);
				PDStructureElement body = this.tree.element("LBody", li);
				this.layout.label(label, (list instanceof BulletList) ? "•" : (number++) + ".");
				blocks(item, body);
			}
		}
		this.layout.indent(-18);
	}

	private void table(TableBlock table, PDStructureElement parent) throws IOException {
		List<List<Cell>> rows = new ArrayList<>();
		collectRows(table, rows);
		this.layout.table(this.tree.element("Table", parent), rows);
	}

	private void collectRows(Node node, List<List<Cell>> rows) {
		for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
			if (child instanceof TableRow row) {
				List<Cell> cells = new ArrayList<>();
				for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
					if (cell instanceof TableCell tableCell) {
						cells.add(new Cell(tableCell.isHeader(), inline(tableCell)));
					}
				}
				rows.add(cells);
			}
			else {
				collectRows(child, rows);
			}
		}
	}

	private List<Span> inline(Node node) {
		List<Span> spans = new ArrayList<>();
		inline(node, null, spans);
		return merged(spans);
	}

	private void inline(Node parent, String href, List<Span> out) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
			switch (node) {
				case Text text -> out.add(new Span(text.getLiteral(), href));
				case Code code -> out.add(new Span(code.getLiteral(), href));
				case SoftLineBreak soft -> out.add(new Span(" ", href));
				case HardLineBreak hard -> out.add(new Span(" ", href));
				case Link link -> inline(link, target(link.getDestination()), out);
				case FootnoteReference reference -> out.add(Span.plain("[" + number(reference.getLabel()) + "]"));
				case HtmlInline html -> {
				}
				// Emphasis, strong emphasis and an image's alternative text: the words,
				// in the one face the PDF has.
				default -> inline(node, href, out);
			}
		}
	}

	private int number(String label) {
		return this.footnotes.computeIfAbsent(label, (l) -> this.footnotes.size() + 1);
	}

	/** Only addresses a reader can follow from paper become links; anchors stay text. */
	private String target(String destination) {
		if (destination == null) {
			return null;
		}
		if (destination.startsWith("https://") || destination.startsWith("http://")
				|| destination.startsWith("mailto:")) {
			return destination;
		}
		if (destination.startsWith("/") && !destination.startsWith("//")) {
			return this.absolute.apply(destination);
		}
		return null;
	}

	/** Neighbouring spans with the same target become one, so one run per stretch. */
	private static List<Span> merged(List<Span> spans) {
		List<Span> out = new ArrayList<>();
		for (Span span : spans) {
			if (!out.isEmpty() && Objects.equals(out.getLast().href(), span.href())) {
				Span last = out.removeLast();
				out.add(new Span(last.text() + span.text(), span.href()));
			}
			else {
				out.add(span);
			}
		}
		return out;
	}

}
