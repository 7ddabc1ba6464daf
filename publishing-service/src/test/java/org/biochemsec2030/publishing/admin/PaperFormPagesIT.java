package org.biochemsec2030.publishing.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.biochemsec2030.publishing.Api;
import org.biochemsec2030.publishing.Papers;
import org.biochemsec2030.publishing.PublishingServiceTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writing and editing a paper in the admin tool, as a publisher does in a browser: plain
 * forms with the gateway's CSRF token and the page's form key, through the same service
 * as the API; mistakes come back beside the fields with everything typed kept.
 */
@PublishingServiceTest
class PaperFormPagesIT {

	private static final String BASE = "/admin/publishing/papers";

	private static final String BODY = """
			## Why screening matters

			Providers screen orders against sequences of concern.[^1]

			| Measure | Regime |
			|---|---|
			| Screening | BWC Article IV |

			[^1]: International Gene Synthesis Consortium, Harmonized Screening Protocol v3.
			""";

	private static final String BIBTEX = """
			@techreport{nti2023,
			  author = {{Nuclear Threat Initiative}},
			  title = {Common Mechanism to Prevent Illicit Gene Synthesis},
			  year = {2023},
			  institution = {NTI}
			}
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api publisher;

	@BeforeEach
	void publisher() {
		this.publisher = new Api(this.port, "publisher");
	}

	@Test
	void aPublisherWritesAPaperFixesAMistakeAndEditsIt() {
		String meeting = "msp-" + UUID.randomUUID().toString().substring(0, 8);
		Papers.ok(this.publisher.put("/api/publishing/v1/meetings", Papers.meeting(meeting)));
		String title = "Benchtop synthesisers and export controls " + UUID.randomUUID();

		// The list of submissions links to the form; it offers the shared taxonomy and
		// the treaty meetings.
		assertThat(page(BASE).selectFirst("#new-paper").attr("href")).isEqualTo(BASE + "/new");
		Document empty = page(BASE + "/new");
		assertThat(empty.select("input[name=topics]").eachAttr("value")).contains("synthetic-biology");
		assertThat(empty.select("input[name=regimes]").eachAttr("value")).contains("BWC", "CWC");
		assertThat(empty.select("#meeting option").eachAttr("value")).contains(meeting);
		assertThat(empty.selectFirst("#licence option[selected]").val()).isEqualTo("CC-BY-4.0");
		assertThat(empty.selectFirst("#paper-form input[name=_csrf]").val()).isEqualTo(Api.CSRF);
		String key = empty.selectFirst("#paper-form input[name=formKey]").val();

		// A form with mistakes comes back beside the fields, everything typed kept.
		List<Map.Entry<String, String>> wrong = fields(title, meeting, BODY);
		replace(wrong, "authorOrcid", "1234");
		replace(wrong, "distributionDeadline", "first of December");
		replace(wrong, "references", "[{\"id\": \"igsc2024\", \"title\": ");
		Api.Response refused = send(BASE + "/new", key, wrong);
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		Document mistakes = Jsoup.parse(refused.body());
		assertThat(mistakes.selectFirst("#author-0-orcid-error").text()).contains("0000-0002-1825-0097");
		assertThat(mistakes.selectFirst("#author-0-orcid").attr("aria-invalid")).isEqualTo("true");
		assertThat(mistakes.selectFirst("#author-0-orcid").val()).isEqualTo("1234");
		assertThat(mistakes.selectFirst("#distributionDeadline-error").text()).contains("2030-11-20");
		assertThat(mistakes.selectFirst("#references-error").text()).contains("CSL-JSON");
		assertThat(mistakes.selectFirst("#references").wholeText()).isEqualTo("[{\"id\": \"igsc2024\", \"title\": ");
		assertThat(mistakes.selectFirst("#title").val()).isEqualTo(title);
		assertThat(mistakes.selectFirst("#body").wholeText()).isEqualTo(BODY);
		assertThat(mistakes.selectFirst("#author-1-affiliation").val()).isEqualTo("King's College London");
		assertThat(mistakes.selectFirst("#meeting option[selected]").val()).isEqualTo(meeting);
		assertThat(mistakes.select("input[name=topics][checked]").eachAttr("value"))
			.containsExactly("synthetic-biology");
		assertThat(mistakes.selectFirst("#referencesBibtex").wholeText()).isEqualTo(BIBTEX);
		assertThat(search(title)).isEmpty();

		// Corrected, with the same key (the failed try rolled it back): a draft.
		Api.Response created = send(BASE + "/new", key, fields(title, meeting, BODY));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		assertThat(created.header("Location")).matches(BASE + "/[0-9a-f-]{36}\\?done=created");
		String page = created.header("Location").replaceAll("\\?.*$", "");
		String id = page.substring(BASE.length() + 1);
		// Sent again (a reload that resends): the same answer, no second paper.
		Api.Response again = send(BASE + "/new", key, fields(title, meeting, BODY));
		assertThat(again.header("Location")).isEqualTo(created.header("Location"));
		assertThat(search(title)).hasSize(1);

		JsonNode draft = this.publisher.get("/api/publishing/v1/editorial/papers/" + id).json();
		assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
		JsonNode working = draft.get("working");
		assertThat(working.get("title").asString()).isEqualTo(title);
		assertThat(working.get("body").asString()).isEqualTo(BODY);
		assertThat(working.get("html").asString()).contains("<table", "footnote");
		assertThat(working.get("authors").get(0).get("orcid").asString()).isEqualTo("0000-0002-1825-0097");
		assertThat(working.get("authors").get(0).get("memberId").asString()).isEqualTo("member-ada");
		assertThat(working.get("authors")).hasSize(2);
		assertThat(Papers.texts(working.get("topics"))).containsExactly("synthetic-biology");
		assertThat(Papers.texts(working.get("regimes"))).containsExactly("BWC");
		assertThat(working.get("licence").asString()).isEqualTo("CC-BY-SA-4.0");
		assertThat(working.get("meeting").asString()).isEqualTo(meeting);
		assertThat(working.get("agendaItem").asString()).isEqualTo("Item 6: science and technology");
		assertThat(Papers.texts(working.get("unDocuments"))).containsExactly("BWC/MSP/2026/3", "BWC/MSP/2026/4");
		assertThat(working.get("distributionDeadline").asString()).isEqualTo("2026-12-01");
		assertThat(Papers.texts(working.get("developments"))).containsExactly("benchtop-synthesiser-released");
		List<String> referenceIds = new ArrayList<>();
		working.get("references").forEach(r -> referenceIds.add(r.get("id").asString()));
		assertThat(referenceIds).containsExactly("igsc2024", "nti2023");

		// The paper's page links to the edit form, which shows the working version
		// with every reference as CSL-JSON (BibTeX was read into it).
		Document paper = page(page + "?done=created");
		assertThat(paper.selectFirst(".notice").text()).contains("draft");
		assertThat(paper.selectFirst("#edit-link").attr("href")).isEqualTo(page + "/edit");
		Document edit = page(page + "/edit");
		assertThat(edit.selectFirst("#title").val()).isEqualTo(title);
		assertThat(edit.selectFirst("#author-0-memberId").val()).isEqualTo("member-ada");
		assertThat(edit.selectFirst("#author-1-name").val()).isEqualTo("Grace Hopper");
		assertThat(edit.selectFirst("#author-2-name").val()).isEmpty();
		assertThat(edit.selectFirst("#references").wholeText()).contains("igsc2024", "nti2023");
		assertThat(edit.selectFirst("#referencesBibtex").wholeText()).isEmpty();
		assertThat(edit.selectFirst("#unDocuments").wholeText()).isEqualTo("BWC/MSP/2026/3\nBWC/MSP/2026/4");
		assertThat(edit.selectFirst("#licence option[selected]").val()).isEqualTo("CC-BY-SA-4.0");

		// An edit: a third author in a spare row, a changed title; the rest as shown.
		List<Map.Entry<String, String>> changed = fromPage(edit);
		replace(changed, "title", title + " (revised)");
		replaceNth(changed, "authorName", 2, "Rosalind Franklin");
		replaceNth(changed, "authorAffiliation", 2, "King's College London");
		Api.Response saved = send(page + "/edit", edit.selectFirst("input[name=formKey]").val(), changed);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		assertThat(saved.header("Location")).isEqualTo(page + "?done=edited");
		JsonNode edited = this.publisher.get("/api/publishing/v1/editorial/papers/" + id).json().get("working");
		assertThat(edited.get("title").asString()).isEqualTo(title + " (revised)");
		assertThat(edited.get("authors")).hasSize(3);
		assertThat(edited.get("authors").get(2).get("name").asString()).isEqualTo("Rosalind Franklin");
		assertThat(edited.get("references")).hasSize(2);
		assertThat(edited.get("body").asString()).isEqualTo(BODY);
		assertThat(edited.get("distributionDeadline").asString()).isEqualTo("2026-12-01");
	}

	@Test
	void aPublishedPaperIsNotEditedAndWhatWasSentIsShownNotLost() {
		JsonNode published = Papers.published(this.publisher, "Cloud labs and the CWC " + UUID.randomUUID());
		String page = BASE + "/" + published.get("id").asString();
		assertThat(page(page).selectFirst("#edit-link")).isNull();

		Api.Response shown = this.publisher.page(page + "/edit");
		assertThat(shown.status()).isEqualTo(409);
		Document refused = Jsoup.parse(shown.body());
		assertThat(refused.selectFirst("#problem").text()).contains("Only a draft", "published", "next version");
		assertThat(refused.selectFirst("#paper-form")).isNull();

		// A form sent anyway (opened before publication, say) is refused, its text kept
		// on the page without a way to send it, and the published version unchanged.
		List<Map.Entry<String, String>> late = fields("A late change", null, "A late body.");
		Api.Response sent = send(page + "/edit", UUID.randomUUID().toString(), late);
		assertThat(sent.status()).isEqualTo(409);
		Document kept = Jsoup.parse(sent.body());
		assertThat(kept.selectFirst("#problem").text()).contains("published");
		assertThat(kept.selectFirst("#title").val()).isEqualTo("A late change");
		assertThat(kept.selectFirst("#body").wholeText()).isEqualTo("A late body.");
		assertThat(kept.selectFirst("#paper-form fieldset").hasAttr("disabled")).isTrue();
		assertThat(kept.select("#paper-form button")).isEmpty();
		assertThat(this.publisher.anonymous()
			.get("/api/publishing/v1/papers/" + published.get("slug").asString())
			.json()
			.get("title")
			.asString()).isEqualTo(published.get("working").get("title").asString());
	}

	@Test
	void onlyPublishersAndAdminsWriteAndAnUnknownPaperIsNotFound() {
		assertThat(this.publisher.as("admin").page(BASE + "/new").status()).isEqualTo(200);
		assertThat(this.publisher.as("editor").page(BASE + "/new").status()).isEqualTo(403);
		assertThat(this.publisher.anonymous().page(BASE + "/new").status()).isEqualTo(401);
		assertThat(new Api(this.port, "editor").form(BASE + "/new", fields("Not mine", null, "Body.")).status())
			.isEqualTo(403);
		assertThat(this.publisher.page(BASE + "/" + UUID.randomUUID() + "/edit").status()).isEqualTo(404);
		assertThat(this.publisher.page(BASE + "/not-a-paper/edit").status()).isEqualTo(404);
		// Unknown topics and a missing meeting are the service's to refuse, beside
		// their fields.
		List<Map.Entry<String, String>> unknown = fields("Unknown choices " + UUID.randomUUID(), "no-such-meeting",
				"Body.");
		unknown.add(Map.entry("topics", "astrology"));
		Api.Response answer = send(BASE + "/new", UUID.randomUUID().toString(), unknown);
		assertThat(answer.status()).isEqualTo(400);
		Document page = Jsoup.parse(answer.body());
		assertThat(page.selectFirst("#meeting-error").text()).contains("no-such-meeting");
		assertThat(page.selectFirst("#topics-error")).isNotNull();
	}

	/** A full form as a browser sends it: two authors and an empty spare row. */
	private static List<Map.Entry<String, String>> fields(String title, String meeting, String body) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		fields.add(Map.entry("title", title));
		fields.add(Map.entry("abstract", "What benchtop DNA synthesisers mean for export controls."));
		fields.add(Map.entry("body", body));
		author(fields, "Ada Lovelace", "University of Bath", "0000-0002-1825-0097", "member-ada");
		author(fields, "Grace Hopper", "King's College London", "", "");
		author(fields, "", "", "", "");
		fields.add(Map.entry("topics", "synthetic-biology"));
		fields.add(Map.entry("regimes", "BWC"));
		fields.add(Map.entry("licence", "CC-BY-SA-4.0"));
		fields.add(Map.entry("meeting", (meeting != null) ? meeting : ""));
		fields.add(Map.entry("agendaItem", "Item 6: science and technology"));
		fields.add(Map.entry("unDocuments", "BWC/MSP/2026/3\r\nBWC/MSP/2026/4\r\n"));
		fields.add(Map.entry("distributionDeadline", "2026-12-01"));
		fields.add(Map.entry("developments", "benchtop-synthesiser-released"));
		fields.add(Map.entry("references",
				"[{\"id\": \"igsc2024\", \"type\": \"report\", \"title\": \"Harmonized Screening Protocol v3\"}]"));
		fields.add(Map.entry("referencesBibtex", BIBTEX));
		return fields;
	}

	private static void author(List<Map.Entry<String, String>> fields, String name, String affiliation, String orcid,
			String member) {
		fields.add(Map.entry("authorName", name));
		fields.add(Map.entry("authorAffiliation", affiliation));
		fields.add(Map.entry("authorOrcid", orcid));
		fields.add(Map.entry("authorMemberId", member));
	}

	/** What the browser sends for the form as the page shows it. */
	private static List<Map.Entry<String, String>> fromPage(Document page) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		page.select("#paper-form input, #paper-form textarea, #paper-form select").forEach(element -> {
			String name = element.attr("name");
			if (name.isEmpty() || name.equals("_csrf") || name.equals("formKey")) {
				return;
			}
			switch (element.tagName()) {
				case "textarea" -> fields.add(Map.entry(name, element.wholeText()));
				case "select" -> {
					var selected = element.selectFirst("option[selected]");
					fields.add(Map.entry(name, (selected != null) ? selected.val() : ""));
				}
				default -> {
					if (!element.attr("type").equals("checkbox") || element.hasAttr("checked")) {
						fields.add(Map.entry(name, element.val()));
					}
				}
			}
		});
		return fields;
	}

	private static void replace(List<Map.Entry<String, String>> fields, String name, String value) {
		replaceNth(fields, name, 0, value);
	}

	private static void replaceNth(List<Map.Entry<String, String>> fields, String name, int nth, String value) {
		int seen = 0;
		for (int i = 0; i < fields.size(); i++) {
			if (fields.get(i).getKey().equals(name) && seen++ == nth) {
				fields.set(i, Map.entry(name, value));
				return;
			}
		}
		throw new IllegalArgumentException("no field " + name + " number " + nth);
	}

	private List<UUID> search(String title) {
		return this.jdbc.sql("select paper_id from paper_version where title = ?")
			.param(title)
			.query(UUID.class)
			.list();
	}

	private Api.Response send(String path, String formKey, List<Map.Entry<String, String>> fields) {
		List<Map.Entry<String, String>> sent = new ArrayList<>(fields);
		sent.add(Map.entry("formKey", formKey));
		sent.add(Map.entry("_csrf", Api.CSRF));
		return this.publisher.form(path, sent);
	}

	private Document page(String path) {
		Api.Response response = this.publisher.page(path);
		assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

}
