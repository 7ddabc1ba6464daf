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
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.biochemsec2030.publishing.meeting.TreatyMeeting;
import org.biochemsec2030.publishing.paper.Author;
import org.biochemsec2030.publishing.paper.PaperView;

import org.springframework.stereotype.Component;

/**
 * The pack for delegates at a treaty meeting: one PDF with a contents page (each paper's
 * series number, title, authors and first page) followed by every paper's own PDF, and a
 * zip holding the pack and each paper's file.
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
			contents(pack, font, meeting, papers, starts);
			PDFMergerUtility merger = new PDFMergerUtility();
			for (byte[] file : files) {
				try (PDDocument one = Loader.loadPDF(file)) {
					merger.appendDocument(pack, one);
				}
			}
			pack.getDocumentInformation().setTitle("Briefing papers for the " + meeting.name());
			pack.getDocumentCatalog().setLanguage("en");
			PdfA.apply(pack);
			return PdfA.save(pack);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The pack of " + meeting.slug() + " could not be made", ex);
		}
	}

	private static void contents(PDDocument pack, PDType0Font font, TreatyMeeting meeting, List<Paper> papers,
			List<Integer> starts) throws IOException {
		PDPage page = new PDPage(PDRectangle.A4);
		pack.addPage(page);
		try (PDPageContentStream content = new PDPageContentStream(pack, page)) {
			float y = PDRectangle.A4.getHeight() - 64;
			y = line(content, font, 18, 64, y, "Briefing papers");
			y = line(content, font, 13, 64, y, meeting.name());
			y = line(content, font, 10, 64, y,
					meeting.place() + ", " + DAY.format(meeting.startsOn()) + " to " + DAY.format(meeting.endsOn()));
			y -= 12;
			y = line(content, font, 13, 64, y, "Contents");
			for (int i = 0; i < papers.size(); i++) {
				PaperView paper = papers.get(i).view();
				String title = (paper.series().isEmpty() ? "" : paper.series() + ": ") + paper.title();
				y = line(content, font, 10, 64, y, title + " .... page " + starts.get(i));
				y = line(content, font, 9, 80, y,
						String.join(", ", paper.authors().stream().map(Author::name).toList()));
				if (y < 100) {
					break;
				}
			}
		}
	}

	private static float line(PDPageContentStream content, PDType0Font font, float size, float x, float y, String text)
			throws IOException {
		float next = y - size * 1.5f;
		String printable = PaperPdf.Writer.printable(font, text);
		if (printable.length() > 110) {
			printable = printable.substring(0, 107) + "...";
		}
		content.beginText();
		content.setFont(font, size);
		content.newLineAtOffset(x, next);
		content.showText(printable);
		content.endText();
		return next;
	}

	private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(data);
		zip.closeEntry();
	}

}
