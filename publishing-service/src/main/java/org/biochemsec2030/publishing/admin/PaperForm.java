package org.biochemsec2030.publishing.admin;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.biochemsec2030.publishing.paper.Author;
import org.biochemsec2030.publishing.paper.EditorialPaper;
import org.biochemsec2030.publishing.paper.PaperInput;
import org.biochemsec2030.publishing.support.InvalidInput;
import org.biochemsec2030.publishing.support.InvalidInput.FieldProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.MultiValueMap;

/**
 * A paper's text and metadata as the admin tool's form sends it: everything as typed, so
 * a form with something to fix comes back with every character kept. Authors are rows of
 * parallel fields (name, affiliation, ORCID iD, member id); a row left empty is not an
 * author. Lists (UN document symbols, developments) are one item a line; references are
 * CSL-JSON or BibTeX as pasted.
 */
record PaperForm(String title, String abstractText, String body, List<AuthorRow> authors, List<String> topics,
		List<String> regimes, String licence, String meeting, String agendaItem, String unDocuments,
		String distributionDeadline, String developments, String references, String referencesBibtex) {

	/**
	 * Empty author rows shown below the filled ones, so another author needs no script.
	 */
	static final int SPARE_AUTHOR_ROWS = 2;

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final TypeReference<List<Map<String, Object>>> ITEMS = new TypeReference<>() {
	};

	private static final Pattern AUTHOR_FIELD = Pattern.compile("authors\\[(\\d+)]\\.(\\w+).*");

	private static final Pattern LIST_SEPARATORS = Pattern.compile("[\\r\\n,;]+");

	/** One author row of the form, as typed. */
	record AuthorRow(String name, String affiliation, String orcid, String memberId) {

		boolean blank() {
			return PaperForm.blank(this.name) == null && PaperForm.blank(this.affiliation) == null
					&& PaperForm.blank(this.orcid) == null && PaperForm.blank(this.memberId) == null;
		}

	}

	PaperForm {
		authors = List.copyOf(authors);
		topics = List.copyOf(topics);
		regimes = List.copyOf(regimes);
	}

	static PaperForm empty() {
		return new PaperForm("", "", "", List.of(), List.of(), List.of(), "", "", "", "", "", "", "", "");
	}

	/** The form of the working version, to be edited. */
	static PaperForm of(EditorialPaper.WorkingVersion working) {
		return new PaperForm(working.title(), working.abstractText(), working.body(),
				working.authors()
					.stream()
					.map(a -> new AuthorRow(a.name(), text(a.affiliation()), text(a.orcid()), text(a.memberId())))
					.toList(),
				working.topics(), working.regimes(), text(working.licence()), text(working.meeting()),
				text(working.agendaItem()), String.join("\n", working.unDocuments()),
				(working.distributionDeadline() != null) ? working.distributionDeadline().toString() : "",
				String.join("\n", working.developments()),
				working.references().isEmpty() ? "" : JSON.writeValueAsString(working.references()), "");
	}

	/** The form as the browser sent it; fields left out are empty. */
	static PaperForm read(MultiValueMap<String, String> params) {
		List<String> names = values(params, "authorName");
		List<String> affiliations = values(params, "authorAffiliation");
		List<String> orcids = values(params, "authorOrcid");
		List<String> members = values(params, "authorMemberId");
		int rows = Math.max(Math.max(names.size(), affiliations.size()), Math.max(orcids.size(), members.size()));
		List<AuthorRow> authors = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			authors.add(new AuthorRow(at(names, i), at(affiliations, i), at(orcids, i), at(members, i)));
		}
		return new PaperForm(one(params, "title"), one(params, "abstract"), one(params, "body"), authors,
				values(params, "topics").stream().filter(v -> !v.isBlank()).toList(),
				values(params, "regimes").stream().filter(v -> !v.isBlank()).toList(), one(params, "licence"),
				one(params, "meeting"), one(params, "agendaItem"), one(params, "unDocuments"),
				one(params, "distributionDeadline"), one(params, "developments"), one(params, "references"),
				one(params, "referencesBibtex"));
	}

	/** The author rows to show: those typed, then spare empty ones. */
	List<AuthorRow> rows() {
		List<AuthorRow> rows = new ArrayList<>(this.authors.stream().filter(a -> !a.blank()).toList());
		for (int i = 0; i < SPARE_AUTHOR_ROWS; i++) {
			rows.add(new AuthorRow("", "", "", ""));
		}
		return rows;
	}

	/**
	 * The input for the paper service. What cannot be read at all (a date, CSL-JSON) goes
	 * into {@code unread} by form field, and its part of the input is left empty, so the
	 * constraints of the rest are still checked and every message shows together.
	 */
	PaperInput input(Map<String, String> unread) {
		List<Author> people = filled().stream()
			.map(a -> new Author(a.name().strip(), blank(a.affiliation()), blank(a.orcid()), blank(a.memberId())))
			.toList();
		LocalDate deadline = null;
		if (blank(this.distributionDeadline) != null) {
			try {
				deadline = LocalDate.parse(this.distributionDeadline.strip());
			}
			catch (DateTimeException ex) {
				unread.put("distributionDeadline", "give the date as 2030-11-20, or leave it empty");
			}
		}
		List<Map<String, Object>> items = List.of();
		try {
			items = cslJson(this.references);
		}
		catch (InvalidInput ex) {
			ex.problems().forEach(p -> unread.putIfAbsent(p.field(), p.message()));
		}
		return new PaperInput(this.title.strip(), this.abstractText.strip(), this.body, people, this.topics,
				this.regimes, lines(this.developments), blank(this.licence), blank(this.meeting),
				blank(this.agendaItem), lines(this.unDocuments), deadline, items, blank(this.referencesBibtex));
	}

	/**
	 * The form field a problem belongs beside: an author's field stands beside that row
	 * (counted as shown, empty rows left out), an item of a list beside the list.
	 */
	String fieldOf(FieldProblem problem) {
		Matcher author = AUTHOR_FIELD.matcher(problem.field());
		if (author.matches()) {
			return "author-" + author.group(1) + "-" + author.group(2);
		}
		String field = problem.field().replaceAll("[\\[.].*$", "");
		return field.equals("abstractText") ? "abstract" : field;
	}

	private List<AuthorRow> filled() {
		return this.authors.stream().filter(a -> !a.blank()).toList();
	}

	/** CSL-JSON as pasted: an array of items or one item. */
	static List<Map<String, Object>> cslJson(String text) {
		String pasted = blank(text);
		if (pasted == null) {
			return List.of();
		}
		try {
			return JSON.readValue(pasted.startsWith("{") ? "[" + pasted + "]" : pasted, ITEMS);
		}
		catch (JacksonException ex) {
			throw InvalidInput.of("references", "paste CSL-JSON: an array of items such as "
					+ "[{\"id\": \"igsc2024\", \"type\": \"report\", \"title\": \"Harmonized Screening Protocol\"}]");
		}
	}

	/** One item a line (commas and semicolons separate too), blanks left out. */
	static List<String> lines(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(LIST_SEPARATORS.split(text)).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static List<String> values(MultiValueMap<String, String> params, String name) {
		List<String> values = params.get(name);
		return (values != null) ? values : List.of();
	}

	private static String one(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return (value != null) ? value : "";
	}

	private static String at(List<String> values, int index) {
		return (index < values.size()) ? values.get(index) : "";
	}

	private static String text(String value) {
		return (value != null) ? value : "";
	}

	static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
