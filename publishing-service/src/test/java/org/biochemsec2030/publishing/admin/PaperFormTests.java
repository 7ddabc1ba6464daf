package org.biochemsec2030.publishing.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.biochemsec2030.publishing.paper.PaperInput;
import org.biochemsec2030.publishing.support.InvalidInput;
import org.biochemsec2030.publishing.support.InvalidInput.FieldProblem;
import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PaperFormTests {

	@Test
	void authorRowsAreReadInOrderAndEmptyRowsAreNoAuthors() {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.addAll("authorName", List.of("", "Ada Lovelace", "", "Grace Hopper"));
		params.addAll("authorAffiliation", List.of("", "University of Bath", "", ""));
		params.addAll("authorOrcid", List.of("", " 0000-0002-1825-0097 ", "", ""));
		params.addAll("authorMemberId", List.of("", "member-ada", "", ""));
		params.add("title", "  A title ");
		PaperForm form = PaperForm.read(params);
		Map<String, String> unread = new LinkedHashMap<>();
		PaperInput input = form.input(unread);
		assertThat(unread).isEmpty();
		assertThat(input.title()).isEqualTo("A title");
		assertThat(input.authors()).hasSize(2);
		assertThat(input.authors().get(0).orcid()).isEqualTo("0000-0002-1825-0097");
		assertThat(input.authors().get(0).memberId()).isEqualTo("member-ada");
		assertThat(input.authors().get(1).affiliation()).isNull();
		// Shown again: the filled rows first, then the spare ones.
		assertThat(form.rows()).extracting(PaperForm.AuthorRow::name)
			.containsExactly("Ada Lovelace", "Grace Hopper", "", "");
		// A problem with the second author stands beside the second row shown.
		assertThat(form.fieldOf(new FieldProblem("authors[1].orcid", "x"))).isEqualTo("author-1-orcid");
		assertThat(form.fieldOf(new FieldProblem("abstractText", "x"))).isEqualTo("abstract");
		assertThat(form.fieldOf(new FieldProblem("topics[2]", "x"))).isEqualTo("topics");
		assertThat(form.fieldOf(new FieldProblem("references[0].id", "x"))).isEqualTo("references");
	}

	@Test
	void listsAreOneItemALineAndReferencesAreCslJsonArraysOrOneItem() {
		assertThat(PaperForm.lines("BWC/MSP/2026/3\r\n\r\n BWC/MSP/2026/4 ; CWC/CSP-30/1,"))
			.containsExactly("BWC/MSP/2026/3", "BWC/MSP/2026/4", "CWC/CSP-30/1");
		assertThat(PaperForm.lines("")).isEmpty();
		assertThat(PaperForm.cslJson("  ")).isEmpty();
		assertThat(PaperForm.cslJson("{\"id\": \"a\", \"type\": \"report\"}")).hasSize(1);
		assertThat(PaperForm.cslJson("[{\"id\": \"a\"}, {\"id\": \"b\", \"issued\": {\"date-parts\": [[2024]]}}]"))
			.extracting(item -> item.get("id"))
			.containsExactly("a", "b");
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> PaperForm.cslJson("[\"just text\"]"))
			.satisfies(ex -> assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly("references"));
	}

	@Test
	void whatCannotBeReadIsReportedByFieldAndTheRestIsStillInput() {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.add("title", "T");
		params.add("distributionDeadline", "soon");
		params.add("references", "[{");
		params.add("unDocuments", "BWC/MSP/2026/3");
		Map<String, String> unread = new LinkedHashMap<>();
		PaperInput input = PaperForm.read(params).input(unread);
		assertThat(unread).containsOnlyKeys("distributionDeadline", "references");
		assertThat(input.distributionDeadline()).isNull();
		assertThat(input.references()).isEmpty();
		assertThat(input.unDocuments()).containsExactly("BWC/MSP/2026/3");
		assertThat(input.licence()).isNull();
	}

}
