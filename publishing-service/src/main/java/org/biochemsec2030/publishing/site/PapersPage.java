package org.biochemsec2030.publishing.site;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.biochemsec2030.publishing.cite.Citations;
import org.biochemsec2030.publishing.paper.Author;
import org.biochemsec2030.publishing.paper.PaperService;
import org.biochemsec2030.publishing.paper.PaperSummary;
import org.biochemsec2030.publishing.paper.PaperView;
import org.biochemsec2030.publishing.render.SafeHtml;
import org.biochemsec2030.publishing.support.PublishingProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages of the briefing papers: the series, a paper (its latest version) and
 * each version at its own citable address. Each page carries what reference managers and
 * scholarly search engines read: {@code citation_*} meta tags and a schema.org
 * {@code ScholarlyArticle} in JSON-LD.
 */
@Controller
class PapersPage {

	private static final int PAGE_SIZE = 20;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private static final DateTimeFormatter META_DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT);

	private final PaperService papers;

	private final Citations citations;

	private final PublishingProperties properties;

	private final SafeHtml safeHtml;

	private final JsonMapper json = JsonMapper.builder().build();

	PapersPage(PaperService papers, Citations citations, PublishingProperties properties, SafeHtml safeHtml) {
		this.papers = papers;
		this.safeHtml = safeHtml;
		this.citations = citations;
		this.properties = properties;
	}

	@GetMapping("/papers")
	String list(@RequestParam(defaultValue = "1") String page, Model model) {
		int number = SiteErrors.pageNumber(page);
		List<PaperSummary> items = this.papers.published(number - 1, PAGE_SIZE);
		int total = this.papers.countPublished();
		if (number > 1 && items.isEmpty()) {
			throw new org.biochemsec2030.publishing.support.NotFound("No page " + number);
		}
		model.addAttribute("papers", items.stream().map(PapersPage::listed).toList());
		model.addAttribute("page", number);
		model.addAttribute("previous", (number > 1) ? "/papers?page=" + (number - 1) : null);
		model.addAttribute("next", (number * PAGE_SIZE < total) ? "/papers?page=" + (number + 1) : null);
		return "publishing/papers";
	}

	@GetMapping("/papers/{slug}")
	String latest(@PathVariable String slug, Model model) {
		return page(this.papers.latest(slug), model);
	}

	@GetMapping("/papers/{slug}/v{number:\\d+}")
	String version(@PathVariable String slug, @PathVariable int number, Model model) {
		return page(this.papers.version(slug, number), model);
	}

	private String page(PaperView paper, Model model) {
		String canonical = this.properties.absolute(paper.versionUrl());
		model.addAttribute("paper", paper);
		model.addAttribute("canonical", canonical);
		model.addAttribute("published", day(paper));
		model.addAttribute("authors", String.join(", ", paper.authors().stream().map(Author::name).toList()));
		model.addAttribute("meta", meta(paper, canonical));
		model.addAttribute("jsonLd", jsonLd(paper, canonical));
		model.addAttribute("citation", this.citations.formatted(paper, Citations.DEFAULT_STYLE, "text"));
		model.addAttribute("references",
				this.citations.references(paper, Citations.DEFAULT_STYLE)
					.stream()
					.map(this.safeHtml::sanitize)
					.toList());
		model.addAttribute("versionBase", paper.versionUrl());
		return "publishing/paper";
	}

	record Listed(String title, String url, String abstractText, String authors, String series, String meeting,
			String published, boolean withdrawn) {

	}

	private static Listed listed(PaperSummary p) {
		return new Listed(p.title(), p.url(), p.abstractText(), String.join(", ", p.authors()), p.series(), p.meeting(),
				DAY.format(p.publishedAt().atZone(ZoneOffset.UTC)), p.withdrawn());
	}

	private static String day(PaperView paper) {
		return DAY.format(paper.publishedAt().atZone(ZoneOffset.UTC));
	}

	record Meta(String name, String content) {

	}

	/** The tags Google Scholar and Zotero read (the Highwire Press names). */
	private List<Meta> meta(PaperView paper, String canonical) {
		List<Meta> meta = new ArrayList<>();
		meta.add(new Meta("citation_title", paper.title()));
		paper.authors().forEach(author -> {
			meta.add(new Meta("citation_author", author.name()));
			if (author.affiliation() != null) {
				meta.add(new Meta("citation_author_institution", author.affiliation()));
			}
			if (author.orcid() != null) {
				meta.add(new Meta("citation_author_orcid", "https://orcid.org/" + author.orcid()));
			}
		});
		meta.add(new Meta("citation_publication_date", META_DAY.format(paper.publishedAt().atZone(ZoneOffset.UTC))));
		meta.add(new Meta("citation_technical_report_institution", this.properties.publisher()));
		if (paper.seriesNumber() != null) {
			meta.add(new Meta("citation_technical_report_number", String.valueOf(paper.seriesNumber())));
		}
		meta.add(new Meta("citation_abstract_html_url", canonical));
		meta.add(new Meta("citation_pdf_url", canonical + "/paper.pdf"));
		meta.add(new Meta("citation_language", "en"));
		paper.topics().forEach(topic -> meta.add(new Meta("citation_keywords", topic)));
		return meta;
	}

	/**
	 * The version as a schema.org {@code ScholarlyArticle}. In a script element,
	 * {@code </script>} in a title would end it early: every {@code <} is written as its
	 * JSON escape, which leaves the data as it is.
	 */
	private String jsonLd(PaperView paper, String canonical) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("@context", "https://schema.org");
		data.put("@type", "ScholarlyArticle");
		data.put("headline", paper.title());
		data.put("name", paper.title());
		data.put("abstract", paper.abstractText());
		data.put("author", paper.authors().stream().map(PapersPage::person).toList());
		data.put("datePublished", paper.publishedAt().toString());
		data.put("version", String.valueOf(paper.version()));
		data.put("license", paper.licenceUrl());
		data.put("url", canonical);
		data.put("mainEntityOfPage", canonical);
		data.put("inLanguage", "en");
		data.put("publisher", Map.of("@type", "Organization", "name", this.properties.publisher(), "url",
				this.properties.absolute("/")));
		if (paper.seriesNumber() != null) {
			data.put("isPartOf",
					Map.of("@type", "PublicationIssue", "issueNumber", String.valueOf(paper.seriesNumber()), "isPartOf",
							Map.of("@type", "Periodical", "name", this.properties.series())));
		}
		data.put("encoding", Map.of("@type", "MediaObject", "encodingFormat", "application/pdf", "contentUrl",
				canonical + "/paper.pdf"));
		if (!paper.topics().isEmpty()) {
			data.put("keywords", String.join(", ", paper.topics()));
		}
		return this.json.writeValueAsString(data)
			.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026");
	}

	private static Map<String, Object> person(Author author) {
		Map<String, Object> person = new LinkedHashMap<>();
		person.put("@type", "Person");
		person.put("name", author.name());
		if (author.affiliation() != null) {
			person.put("affiliation", Map.of("@type", "Organization", "name", author.affiliation()));
		}
		if (author.orcid() != null) {
			person.put("identifier", "https://orcid.org/" + author.orcid());
		}
		return person;
	}

}
