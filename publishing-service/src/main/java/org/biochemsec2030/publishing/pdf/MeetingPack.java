package org.biochemsec2030.publishing.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.biochemsec2030.publishing.meeting.TreatyMeeting;
import org.biochemsec2030.publishing.paper.Author;
import org.biochemsec2030.publishing.paper.PaperView;

import org.springframework.stereotype.Component;

/**
 * The pack for delegates at a treaty meeting: one PDF with a contents page (each paper's
 * series number, title, authors and first page) followed by every paper's own PDF, and a
 * zip holding the pack and each paper's file. The pack is tagged like the papers: the
 * contents page has its own structure, each paper brings its structure tree along through
 * the merge, and a bookmark per paper leads to its first page.
 */
@Component
public class MeetingPack {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final PaperPdf pdf;

	MeetingPack(PaperPdf pdf) {
		this.pdf = pdf;
	}

	/** One paper's PDF and its Markdown source, as the pack needs them. */
	public record Paper(PaperView view, String markdown) {

	}

	public byte[] pack(TreatyMeeting meeting, List<Paper> papers) {
		List<byte[]> files = papers.stream().map(p -> this.pdf.render(p.view(), p.markdown())).toList();
		return pack(meeting, papers, files);
	}

	public byte[] zip(TreatyMeeting meeting, List<Paper> papers) {
		List<byte[]> files = papers.stream().map(p -> this.pdf.render(p.view(), p.markdown())).toList();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			entry(zip, meeting.slug() + "-pack.pdf", pack(meeting, papers, files));
			for (int i = 0; i < papers.size(); i++) {
				PaperView paper = papers.get(i).view();
				String number = (paper.seriesNumber() != null)
						? String.format(Locale.ROOT, "%03d-", paper.seriesNumber()) : "";
				entry(zip, number + paper.slug() + "-v" + paper.version() + ".pdf", files.get(i));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private byte[] pack(TreatyMeeting meeting, List<Paper> papers, List<byte[]> files) {
		try (PDDocument pack = new PDDocument()) {
			PDType0Font font = PaperPdf.font(pack);
			List<Integer> starts = new ArrayList<>();
			int page = 2;
			for (byte[] file : files) {
				starts.add(page);
				try (PDDocument one = Loader.loadPDF(file)) {
					page += one.getNumberOfPages();
				}
			}
			StructureTree tree = new StructureTree(pack);
			contents(pack, tree, font, meeting, papers, starts);
			// The contents page's tree is written before merging: PDFBox's merger then
			// moves each paper's elements into the pack's Document element and renumbers
			// their parent tree entries, so the pack stays tagged paper by paper (each
			// paper begins at its H1).
			tree.finish();
			PDFMergerUtility merger = new PDFMergerUtility();
			for (byte[] file : files) {
				try (PDDocument one = Loader.loadPDF(file)) {
					merger.appendDocument(pack, one);
				}
			}
			outline(pack, papers, starts);
			pack.getDocumentInformation().setTitle("Briefing papers for the " + meeting.name());
			PdfA.apply(pack);
			return PdfA.save(pack);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The pack of " + meeting.slug() + " could not be made", ex);
		}
	}

	/** A bookmark per paper, so a reader's app lists and jumps to them. */
	private static void outline(PDDocument pack, List<Paper> papers, List<Integer> starts) {
		PDDocumentOutline outline = new PDDocumentOutline();
		outline.addLast(bookmark(pack, "Contents", 0));
		for (int i = 0; i < papers.size(); i++) {
			PaperView paper = papers.get(i).view();
			String title = (paper.series().isEmpty() ? "" : paper.series() + ": ") + paper.title();
			outline.addLast(bookmark(pack, title, starts.get(i) - 1));
		}
		pack.getDocumentCatalog().setDocumentOutline(outline);
	}

	private static PDOutlineItem bookmark(PDDocument pack, String title, int pageIndex) {
		PDPageFitDestination destination = new PDPageFitDestination();
		destination.setPage(pack.getPage(pageIndex));
		PDOutlineItem item = new PDOutlineItem();
		item.setTitle(title);
		item.setDestination(destination);
		return item;
	}

	private static void contents(PDDocument pack, StructureTree tree, PDType0Font font, TreatyMeeting meeting,
			List<Paper> papers, List<Integer> starts) throws IOException {
		PDPage page = new PDPage(PDRectangle.A4);
		pack.addPage(page);
		PDStructureElement top = tree.document();
		try (PDPageContentStream content = new PDPageContentStream(pack, page)) {
			Lines lines = new Lines(content, tree, page, font);
			float y = PDRectangle.A4.getHeight() - 64;
			y = lines.line(tree.element("H1", top), 18, 64, y, "Briefing papers");
			y = lines.line(tree.element("P", top), 13, 64, y, meeting.name());
			y = lines.line(tree.element("P", top), 10, 64, y,
					meeting.place() + ", " + DAY.format(meeting.startsOn()) + " to " + DAY.format(meeting.endsOn()));
			y -= 12;
			y = lines.line(tree.element("H2", top), 13, 64, y, "Contents");
			PDStructureElement toc = tree.element("TOC", top);
			for (int i = 0; i < papers.size(); i++) {
				PaperView paper = papers.get(i).view();
				String title = (paper.series().isEmpty() ? "" : paper.series() + ": ") + paper.title();
				PDStructureElement entry = tree.element("TOCI", toc);
				y = lines.line(entry, 10, 64, y, title + " .... page " + starts.get(i));
				y = lines.line(entry, 9, 80, y, String.join(", ", paper.authors().stream().map(Author::name).toList()));
				if (y < 100) {
					break;
				}
			}
		}
	}

	/** Single lines on the contents page, each marked as its element's content. */
	private record Lines(PDPageContentStream content, StructureTree tree, PDPage page, PDType0Font font) {

		float line(PDStructureElement owner, float size, float x, float y, String text) throws IOException {
			float next = y - size * 1.5f;
			String printable = Layout.printable(this.font, text);
			if (printable.length() > 110) {
				printable = printable.substring(0, 107) + "...";
			}
			this.content.beginMarkedContent(COSName.getPDFName(owner.getStructureType()),
					this.tree.mark(this.page, owner));
			this.content.beginText();
			this.content.setFont(this.font, size);
			this.content.newLineAtOffset(x, next);
			this.content.showText(printable);
			this.content.endText();
			this.content.endMarkedContent();
			return next;
		}

	}

	private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(data);
		zip.closeEntry();
	}

}
