package org.biochemsec2030.publishing.cite;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.biochemsec2030.publishing.paper.PaperService;
import org.biochemsec2030.publishing.paper.PaperView;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Citations of a paper (its latest version) or of one version: by link
 * ({@code /cite.bib}, {@code /cite.ris}, {@code /cite.json}, {@code /cite?style=}) and by
 * the HTTP {@code Accept} header on the paper's own address, with the media types DOI
 * resolvers answer to. A browser asking for HTML gets the page (site package).
 */
@RestController
class CitationController {

	static final String BIBTEX = "application/x-bibtex";

	static final String RIS = "application/x-research-info-systems";

	static final String CSL_JSON = "application/vnd.citationstyles.csl+json";

	static final String BIBLIOGRAPHY = "text/x-bibliography";

	static final String DATACITE = "application/vnd.datacite.datacite+xml";

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private final PaperService papers;

	private final Citations citations;

	private final DataCite dataCite;

	CitationController(PaperService papers, Citations citations, DataCite dataCite) {
		this.papers = papers;
		this.citations = citations;
		this.dataCite = dataCite;
	}

	/** DataCite metadata (kernel 4) of a version, ready to register its DOI with. */
	@GetMapping(path = { "/papers/{slug}/datacite.xml", "/papers/{slug}/v{number:\\d+}/datacite.xml" })
	ResponseEntity<String> dataCite(@PathVariable String slug, @PathVariable(required = false) Integer number) {
		return file(this.dataCite.xml(paper(slug, number)), new MediaType("application", "xml", StandardCharsets.UTF_8),
				null);
	}

	@GetMapping(path = { "/papers/{slug}", "/papers/{slug}/v{number:\\d+}" }, produces = DATACITE)
	ResponseEntity<String> dataCiteByAccept(@PathVariable String slug, @PathVariable(required = false) Integer number) {
		return file(this.dataCite.xml(paper(slug, number)),
				new MediaType("application", "vnd.datacite.datacite+xml", StandardCharsets.UTF_8), null);
	}

	@GetMapping("/papers/{slug}/cite.bib")
	ResponseEntity<String> bibtex(@PathVariable String slug) {
		return bibtex(this.papers.latest(slug), true);
	}

	@GetMapping("/papers/{slug}/v{number:\\d+}/cite.bib")
	ResponseEntity<String> bibtex(@PathVariable String slug, @PathVariable int number) {
		return bibtex(this.papers.version(slug, number), true);
	}

	@GetMapping(path = { "/papers/{slug}", "/papers/{slug}/v{number:\\d+}" }, produces = BIBTEX)
	ResponseEntity<String> bibtexByAccept(@PathVariable String slug, @PathVariable(required = false) Integer number) {
		return bibtex(paper(slug, number), false);
	}

	@GetMapping("/papers/{slug}/cite.ris")
	ResponseEntity<String> ris(@PathVariable String slug) {
		return ris(this.papers.latest(slug), true);
	}

	@GetMapping("/papers/{slug}/v{number:\\d+}/cite.ris")
	ResponseEntity<String> ris(@PathVariable String slug, @PathVariable int number) {
		return ris(this.papers.version(slug, number), true);
	}

	@GetMapping(path = { "/papers/{slug}", "/papers/{slug}/v{number:\\d+}" }, produces = RIS)
	ResponseEntity<String> risByAccept(@PathVariable String slug, @PathVariable(required = false) Integer number) {
		return ris(paper(slug, number), false);
	}

	@GetMapping("/papers/{slug}/cite.json")
	ResponseEntity<Object> cslJson(@PathVariable String slug) {
		return csl(this.papers.latest(slug));
	}

	@GetMapping("/papers/{slug}/v{number:\\d+}/cite.json")
	ResponseEntity<Object> cslJson(@PathVariable String slug, @PathVariable int number) {
		return csl(this.papers.version(slug, number));
	}

	@GetMapping(path = { "/papers/{slug}", "/papers/{slug}/v{number:\\d+}" }, produces = CSL_JSON)
	ResponseEntity<Object> cslByAccept(@PathVariable String slug, @PathVariable(required = false) Integer number) {
		return csl(paper(slug, number));
	}

	/** A formatted citation, {@code ?style=apa} (default) or another offered style. */
	@GetMapping(path = { "/papers/{slug}/cite", "/papers/{slug}/v{number:\\d+}/cite" })
	ResponseEntity<String> formatted(@PathVariable String slug, @PathVariable(required = false) Integer number,
			@RequestParam(required = false) String style) {
		return text(this.citations.formatted(paper(slug, number), Citations.style(style), "text"));
	}

	@GetMapping(path = { "/papers/{slug}", "/papers/{slug}/v{number:\\d+}" }, produces = BIBLIOGRAPHY)
	ResponseEntity<String> formattedByAccept(@PathVariable String slug, @PathVariable(required = false) Integer number,
			@RequestParam(required = false) String style) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "x-bibliography", StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noCache())
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
			.body(this.citations.formatted(paper(slug, number), Citations.style(style), "text"));
	}

	private PaperView paper(String slug, Integer number) {
		return (number != null) ? this.papers.version(slug, number) : this.papers.latest(slug);
	}

	private ResponseEntity<String> bibtex(PaperView paper, boolean download) {
		return file(this.citations.bibtex(paper), new MediaType("application", "x-bibtex", StandardCharsets.UTF_8),
				download ? paper.slug() + "-v" + paper.version() + ".bib" : null);
	}

	private ResponseEntity<String> ris(PaperView paper, boolean download) {
		return file(this.citations.ris(paper),
				new MediaType("application", "x-research-info-systems", StandardCharsets.UTF_8),
				download ? paper.slug() + "-v" + paper.version() + ".ris" : null);
	}

	private ResponseEntity<Object> csl(PaperView paper) {
		Map<String, Object> item = this.citations.cslJson(paper);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(CSL_JSON))
			.cacheControl(CacheControl.noCache())
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
			.body(java.util.List.of(item));
	}

	private static ResponseEntity<String> file(String body, MediaType type, String filename) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.ok()
			.contentType(type)
			.cacheControl(CacheControl.noCache())
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
		if (filename != null) {
			builder.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
		}
		return builder.body(body);
	}

	private static ResponseEntity<String> text(String body) {
		return ResponseEntity.ok().contentType(TEXT).cacheControl(CacheControl.noCache()).body(body);
	}

}
