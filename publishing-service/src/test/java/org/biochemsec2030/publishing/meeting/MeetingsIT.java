package org.biochemsec2030.publishing.meeting;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.biochemsec2030.publishing.Api;
import org.biochemsec2030.publishing.Papers;
import org.biochemsec2030.publishing.PublishingServiceTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.biochemsec2030.publishing.Papers.ok;

/** A treaty meeting's page lists its papers; the delegates' pack holds them all. */
@PublishingServiceTest
class MeetingsIT {

	@Value("${local.server.port}")
	private int port;

	@Test
	void theMeetingListsItsPapersAndThePackHoldsThemBehindAContentsPage() throws Exception {
		Api publisher = new Api(this.port, "publisher");
		String slug = "cwc-csp-" + UUID.randomUUID().toString().substring(0, 6);
		ok(publisher.put("/api/publishing/v1/meetings", Papers.meeting(slug)));
		String first = "Cloud labs and verification " + slug;
		String second = "AI-enabled design and Article VI " + slug;
		Papers.published(publisher, first, slug);
		Papers.published(publisher, second, slug);
		Api reader = publisher.anonymous();

		Document meetings = Jsoup.parse(reader.page("/meetings").body());
		assertThat(meetings.select("ul.entries a")).extracting(e -> e.attr("href")).contains("/meetings/" + slug);
		Document page = Jsoup.parse(reader.page("/meetings/" + slug).body());
		assertThat(page.select("ul.entries h2 a")).extracting(e -> e.text()).containsExactly(first, second);
		assertThat(page.select("a[href=/meetings/" + slug + "/pack.pdf]")).hasSize(1);

		byte[] pack = reader.bytes("/meetings/" + slug + "/pack.pdf");
		org.biochemsec2030.publishing.pdf.PdfAConformance.assertPdfA1b(pack);
		try (PDDocument pdf = Loader.loadPDF(pack)) {
			String contents = new PDFTextStripper() {
				{
					setStartPage(1);
					setEndPage(1);
				}
			}.getText(pdf);
			assertThat(contents).contains("Contents").contains(first).contains(second).contains("page 2");
			String all = new PDFTextStripper().getText(pdf);
			assertThat(all.indexOf("Providers screen orders")).isPositive();
			assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(5);
		}

		List<String> names = new ArrayList<>();
		try (ZipInputStream zip = new ZipInputStream(
				new ByteArrayInputStream(reader.bytes("/meetings/" + slug + "/pack.zip")))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				names.add(entry.getName());
				assertThat(zip.readAllBytes()).startsWith("%PDF".getBytes());
			}
		}
		assertThat(names).hasSize(3).contains(slug + "-pack.pdf");
	}

	@Test
	void unknownMeetingsAndEmptyPacksAreNotFound() {
		Api reader = new Api(this.port, null);
		assertThat(reader.page("/meetings/no-such-meeting").status()).isEqualTo(404);
		assertThat(reader.get("/meetings/no-such-meeting/pack.pdf").status()).isEqualTo(404);
		String slug = "empty-" + UUID.randomUUID().toString().substring(0, 6);
		ok(new Api(this.port, "publisher").put("/api/publishing/v1/meetings", Papers.meeting(slug)));
		assertThat(reader.page("/meetings/" + slug).body()).contains("No paper for this meeting is published yet");
		assertThat(reader.get("/meetings/" + slug + "/pack.zip").status()).isEqualTo(404);
	}

}
