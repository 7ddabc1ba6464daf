package org.biochemsec2030.content.admin;

import java.util.List;

import org.biochemsec2030.content.support.InvalidInput.FieldProblem;
import org.biochemsec2030.content.support.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the admin forms read from what a browser sends. */
class AdminFormsTests {

	@Test
	void aMiniPostAnswersTheIdOrTheAddressAnEditorPastes() {
		String id = "0b9e7c4e-5f0a-4d0e-9a51-3f3c2a1d7e01";
		assertThat(new MicroForm("Text", id, null).input().replyTo()).hasToString(id);
		assertThat(new MicroForm("Text", "/micro/" + id, null).input().replyTo()).hasToString(id);
		assertThat(new MicroForm("Text", " https://biochemsec2030.example/micro/" + id + " ", null).input().replyTo())
			.hasToString(id);
		assertThat(new MicroForm("Text", "", null).input().replyTo()).isNull();
		assertThat(new MicroForm("Text", "", null).problems()).isEmpty();
		assertThat(new MicroForm("Text", "last week's", null).problems()).extracting(FieldProblem::field)
			.containsExactly("replyTo");
	}

	@Test
	void aPagePositionIsAWholeNumberOrNothing() {
		assertThat(new PageForm("", "About", "Body", " 3 ").input().navOrder()).isEqualTo(3);
		assertThat(new PageForm("", "About", "Body", "").input().navOrder()).isNull();
		assertThat(new PageForm(" ", "About", "Body", "").input().slug()).isNull();
		assertThat(new PageForm("", "About", "Body", "third").problems()).extracting(FieldProblem::field)
			.containsExactly("navOrder");
	}

	@Test
	void altTextWithoutACoverIsAskedAboutAndTheCoverFieldsHaveTheirOwnMessages() {
		PostForm altAlone = new PostForm("T", "", "B", List.of(), List.of(), "", false, "", "", "A bench");
		assertThat(altAlone.input().coverImage()).isNull();
		assertThat(altAlone.problems()).extracting(FieldProblem::field).containsExactly("coverAlt");
		PostForm cover = new PostForm("T", "", "B", List.of(), List.of(), "", false, "", " /blog/media/x ", "");
		assertThat(cover.input().coverImage().url()).isEqualTo("/blog/media/x");
		assertThat(PostForm.field("coverImage.alt")).isEqualTo("coverAlt");
		assertThat(PostForm.field("coverImage.url")).isEqualTo("coverImage");
		assertThat(PostForm.field("topics[2]")).isEqualTo("topics");
	}

	@Test
	void listLinksKeepTheFiltersEncoded() {
		assertThat(AdminForms.listUrl("/admin/content/micro", Status.IN_REVIEW, "gene & cell+=", 2))
			.isEqualTo("/admin/content/micro?status=in_review&q=gene%20%26%20cell%2B%3D&page=2");
		assertThat(AdminForms.listUrl("/admin/content/pages", null, null, 1)).isEqualTo("/admin/content/pages?page=1");
	}

}
