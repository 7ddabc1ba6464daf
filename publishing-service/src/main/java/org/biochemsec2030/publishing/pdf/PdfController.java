package org.biochemsec2030.publishing.pdf;

import java.time.Duration;
import java.util.List;

import org.biochemsec2030.publishing.meeting.MeetingService;
import org.biochemsec2030.publishing.meeting.TreatyMeeting;
import org.biochemsec2030.publishing.paper.PaperService;
import org.biochemsec2030.publishing.paper.PaperView;
import org.biochemsec2030.publishing.support.NotFound;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A version's PDF. A version's own address never changes its answer (published versions
 * are immutable), so it may be cached for a year; the paper's address follows the latest
 * version.
 */
@RestController
class PdfController {

	private final PaperService papers;

	private final PaperPdf pdf;

	private final MeetingService meetings;

	private final MeetingPack pack;

	PdfController(PaperService papers, PaperPdf pdf, MeetingService meetings, MeetingPack pack) {
		this.papers = papers;
		this.pdf = pdf;
		this.meetings = meetings;
		this.pack = pack;
	}

	/** The delegates' pack: a contents page, then every paper for the meeting. */
	@GetMapping("/meetings/{slug}/pack.pdf")
	ResponseEntity<byte[]> pack(@PathVariable String slug) {
		TreatyMeeting meeting = this.meetings.get(slug);
		return download(this.pack.pack(meeting, papers(slug)), MediaType.APPLICATION_PDF, slug + "-pack.pdf");
	}

	@GetMapping("/meetings/{slug}/pack.zip")
	ResponseEntity<byte[]> zip(@PathVariable String slug) {
		TreatyMeeting meeting = this.meetings.get(slug);
		return download(this.pack.zip(meeting, papers(slug)), MediaType.parseMediaType("application/zip"),
				slug + "-papers.zip");
	}

	private List<MeetingPack.Paper> papers(String slug) {
		List<MeetingPack.Paper> papers = this.papers.forMeeting(slug)
			.stream()
			.map(view -> new MeetingPack.Paper(view, this.papers.markdown(view)))
			.toList();
		if (papers.isEmpty()) {
			throw new NotFound("No paper is published for the meeting '" + slug + "' yet.");
		}
		return papers;
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(CacheControl.noCache())
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
			.body(body);
	}

	@GetMapping("/papers/{slug}/paper.pdf")
	ResponseEntity<byte[]> latest(@PathVariable String slug) {
		return answer(this.papers.latest(slug), CacheControl.noCache());
	}

	@GetMapping("/papers/{slug}/v{number:\\d+}/paper.pdf")
	ResponseEntity<byte[]> version(@PathVariable String slug, @PathVariable int number) {
		PaperView paper = this.papers.version(slug, number);
		// A withdrawn paper's notice is printed on the cover, so its file can change
		// once.
		CacheControl cache = (paper.withdrawal() != null) ? CacheControl.noCache()
				: CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
		return answer(paper, cache);
	}

	private ResponseEntity<byte[]> answer(PaperView paper, CacheControl cache) {
		byte[] file = this.pdf.render(paper, this.papers.markdown(paper));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(cache)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"inline; filename=\"" + paper.slug() + "-v" + paper.version() + ".pdf\"")
			.body(file);
	}

}
