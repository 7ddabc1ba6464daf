package org.biochemsec2030.publishing.pdf;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.biochemsec2030.publishing.Api;
import org.biochemsec2030.publishing.Papers;
import org.biochemsec2030.publishing.PublishingServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF of a published version, read the way a printer or a reader's app reads it. */
@PublishingServiceTest
class PaperPdfIT {

	@Value("${local.server.port}")
	private int port;

	@Test
	void theVersionsPdfCarriesTitleLicenceSeriesEmbeddedFontsTagsAndAQrCodeToItsAddress() throws Exception {
		Api publisher = new Api(this.port, "publisher");
		String title = "Benchtop synthesisers and export controls " + UUID.randomUUID().toString().substring(0, 6);
		JsonNode paper = Papers.published(publisher, title);
		String slug = paper.get("slug").asString();
		Api.Response head = publisher.anonymous().get("/papers/" + slug + "/v1/paper.pdf");
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.header("Content-Type")).isEqualTo("application/pdf");
		assertThat(head.header("Cache-Control")).contains("immutable");
		byte[] file = publisher.anonymous().bytes("/papers/" + slug + "/v1/paper.pdf");

		PdfAConformance.assertPdfA1b(file);
		try (PDDocument pdf = Loader.loadPDF(file)) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains(title.substring(0, 30))
				.contains("BCS2030 Briefing Paper No. " + paper.get("seriesNumber").asInt())
				.contains("Creative Commons Attribution 4.0 International")
				.contains("How to cite:")
				.contains("Providers screen orders");
			assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(title);
			TaggedPdf tagged = new TaggedPdf(pdf);
			tagged.assertWellFormed();
			assertThat(tagged.texts("H1")).containsExactly(title);
			assertThat(tagged.texts("H3")).contains("Why screening matters");
			assertThat(tagged.texts("TD")).containsExactly("Screening", "BWC Article IV");

			List<String> notEmbedded = new ArrayList<>();
			int fonts = 0;
			for (PDPage page : pdf.getPages()) {
				for (COSName name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					fonts++;
					if (!font.isEmbedded()) {
						notEmbedded.add(font.getName());
					}
				}
			}
			assertThat(fonts).isPositive();
			assertThat(notEmbedded).isEmpty();

			BufferedImage cover = new PDFRenderer(pdf).renderImageWithDPI(0, 150);
			String decoded = new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(cover))),
						Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
				.getText();
			assertThat(decoded).isEqualTo("https://biochemsec2030.example/papers/" + slug + "/v1");
		}
	}

	@Test
	void anUnknownPaperHasNoPdf() {
		assertThat(new Api(this.port, null).get("/papers/no-such-paper/v1/paper.pdf").status()).isEqualTo(404);
	}

}
