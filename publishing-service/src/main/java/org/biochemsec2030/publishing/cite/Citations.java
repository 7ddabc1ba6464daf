package org.biochemsec2030.publishing.cite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ListItemDataProvider;
import de.undercouch.citeproc.csl.CSLItemData;
import org.biochemsec2030.publishing.paper.Author;
import org.biochemsec2030.publishing.paper.PaperView;
import org.biochemsec2030.publishing.support.InvalidInput;
import org.biochemsec2030.publishing.support.PublishingProperties;

import org.springframework.stereotype.Component;

/**
 * How to cite one published version of a paper: BibTeX, RIS and CSL-JSON written here,
 * and formatted citations (APA, Chicago, ...) made by a CSL processor (citeproc-java,
 * pure Java) from the CSL-JSON, with the styles of the CSL project. The paper's own
 * reference list goes through the same processor.
 */
@Component
public class Citations {

	/** The styles offered by name; any other CSL style id is refused with this list. */
	public static final Set<String> STYLES = Set.of("apa", "chicago-author-date", "chicago-note-bibliography",
			"harvard-cite-them-right", "modern-language-association", "ieee", "vancouver");

	public static final String DEFAULT_STYLE = "apa";

	private final PublishingProperties properties;

	Citations(PublishingProperties properties) {
		this.properties = properties;
	}

	/** The version as a CSL-JSON item (what reference managers import). */
	public Map<String, Object> cslJson(PaperView paper) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("id", key(paper));
		item.put("type", "report");
		item.put("title", paper.title());
		item.put("author", paper.authors().stream().map(Citations::cslName).toList());
		item.put("issued", Map.of("date-parts", List.of(dateParts(published(paper)))));
		item.put("publisher", this.properties.publisher());
		item.put("genre", "Briefing paper");
		if (paper.seriesNumber() != null) {
			item.put("collection-title", this.properties.series());
			item.put("number", String.valueOf(paper.seriesNumber()));
		}
		item.put("version", String.valueOf(paper.version()));
		item.put("URL", this.properties.absolute(paper.versionUrl()));
		item.put("abstract", paper.abstractText());
		item.put("license", paper.licenceUrl());
		if (paper.meeting() != null) {
			item.put("event-title", paper.meeting().name());
		}
		return item;
	}

	public String bibtex(PaperView paper) {
		LocalDate date = published(paper);
		StringBuilder bib = new StringBuilder("@techreport{").append(key(paper)).append(",\n");
		field(bib, "title", paper.title());
		// Names are escaped one by one: the braces around an organisation must stay.
		bib.append("  author = {")
			.append(String.join(" and ", paper.authors().stream().map(Citations::bibtexName).toList()))
			.append("},\n");
		field(bib, "institution", this.properties.publisher());
		field(bib, "type", this.properties.series());
		if (paper.seriesNumber() != null) {
			field(bib, "number", String.valueOf(paper.seriesNumber()));
		}
		field(bib, "year", String.valueOf(date.getYear()));
		field(bib, "month", date.getMonth().name().substring(0, 3).toLowerCase(Locale.ROOT));
		field(bib, "version", String.valueOf(paper.version()));
		field(bib, "url", this.properties.absolute(paper.versionUrl()));
		field(bib, "abstract", paper.abstractText());
		field(bib, "copyright", paper.licenceTitle());
		bib.setLength(bib.length() - 2);
		return bib.append("\n}\n").toString();
	}

	/** RIS, as reference managers import it: one tag a line, ending with ER. */
	public String ris(PaperView paper) {
		LocalDate date = published(paper);
		StringBuilder ris = new StringBuilder();
		tag(ris, "TY", "RPRT");
		tag(ris, "TI", paper.title());
		paper.authors().forEach(author -> tag(ris, "AU", risName(author)));
		tag(ris, "PY", String.valueOf(date.getYear()));
		tag(ris, "DA", String.format(Locale.ROOT, "%04d/%02d/%02d", date.getYear(), date.getMonthValue(),
				date.getDayOfMonth()));
		tag(ris, "PB", this.properties.publisher());
		tag(ris, "T3", this.properties.series());
		if (paper.seriesNumber() != null) {
			tag(ris, "IS", String.valueOf(paper.seriesNumber()));
		}
		tag(ris, "ET", "Version " + paper.version());
		tag(ris, "UR", this.properties.absolute(paper.versionUrl()));
		tag(ris, "AB", paper.abstractText());
		paper.topics().forEach(topic -> tag(ris, "KW", topic));
		tag(ris, "ER", "");
		return ris.toString();
	}

	/** A formatted citation of the version in a CSL style, as plain text or HTML. */
	public String formatted(PaperView paper, String style, String format) {
		return bibliography(List.of(cslJson(paper)), style, format).stream().findFirst().orElse("").trim();
	}

	/** The paper's own reference list, formatted in a style as HTML entries. */
	public List<String> references(PaperView paper, String style) {
		return bibliography(paper.references(), style, "html");
	}

	/** The paper's own reference list as plain text entries (for the PDF). */
	public List<String> referencesText(PaperView paper, String style) {
		return bibliography(paper.references(), style, "text").stream().map(String::trim).toList();
	}

	public static String style(String requested) {
		if (requested == null || requested.isBlank()) {
			return DEFAULT_STYLE;
		}
		String style = requested.trim().toLowerCase(Locale.ROOT);
		if (!STYLES.contains(style)) {
			throw InvalidInput.of("style", "choose one of " + String.join(", ", STYLES.stream().sorted().toList()));
		}
		return style;
	}

	private List<String> bibliography(List<Map<String, Object>> items, String style, String format) {
		if (items.isEmpty()) {
			return List.of();
		}
		List<CSLItemData> data = new ArrayList<>();
		for (Map<String, Object> item : items) {
			data.add(CSLItemData.fromJson(item));
		}
		// A CSL instance keeps state between calls and is not thread-safe: one per
		// answer.
		try {
			CSL csl = new CSL(new ListItemDataProvider(data), style(style));
			csl.setOutputFormat(format);
			csl.registerCitationItems(data.stream().map(CSLItemData::getId).toList());
			return List.of(csl.makeBibliography().getEntries());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("CSL style " + style + " could not be read", ex);
		}
	}

	private static String key(PaperView paper) {
		String year = String.valueOf(published(paper).getYear());
		String series = (paper.seriesNumber() != null) ? "no" + paper.seriesNumber() : "";
		return "bcs2030" + series + "v" + paper.version() + "-" + year;
	}

	private static LocalDate published(PaperView paper) {
		return paper.publishedAt().atZone(ZoneOffset.UTC).toLocalDate();
	}

	private static List<Integer> dateParts(LocalDate date) {
		return List.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
	}

	private static Map<String, Object> cslName(Author author) {
		String[] parts = split(author.name());
		return (parts[0].isEmpty()) ? Map.of("literal", parts[1]) : Map.of("given", parts[0], "family", parts[1]);
	}

	private static String bibtexName(Author author) {
		String[] parts = split(author.name());
		// An organisation in braces stays one name; a person is written "Family, Given".
		return parts[0].isEmpty() ? "{" + escape(parts[1]) + "}" : escape(parts[1]) + ", " + escape(parts[0]);
	}

	private static String risName(Author author) {
		String[] parts = split(author.name());
		return parts[0].isEmpty() ? parts[1] : parts[1] + ", " + parts[0];
	}

	/**
	 * {given, family}: the family name is the last word (given is empty for one word).
	 */
	private static String[] split(String name) {
		String trimmed = name.trim().replaceAll("\\s+", " ");
		int space = trimmed.lastIndexOf(' ');
		return (space < 0) ? new String[] { "", trimmed }
				: new String[] { trimmed.substring(0, space), trimmed.substring(space + 1) };
	}

	private static void field(StringBuilder bib, String name, String value) {
		bib.append("  ").append(name).append(" = {").append(escape(value)).append("},\n");
	}

	/**
	 * BibTeX's special characters; braces are escaped so a title cannot close the field.
	 */
	static String escape(String value) {
		StringBuilder out = new StringBuilder();
		for (char c : value.replaceAll("[\\r\\n]+", " ").toCharArray()) {
			switch (c) {
				case '\\' -> out.append("\\textbackslash{}");
				case '{', '}', '&', '%', '$', '#', '_' -> out.append('\\').append(c);
				case '~' -> out.append("\\textasciitilde{}");
				case '^' -> out.append("\\textasciicircum{}");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	private static void tag(StringBuilder ris, String tag, String value) {
		ris.append(tag).append("  - ").append(value.replaceAll("[\\r\\n]+", " ")).append("\r\n");
	}

}
