package org.biochemsec2030.publishing.paper;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictsTests {

	private static final List<Author> AUTHORS = List.of(
			new Author("Ada Lovelace", "University of Bath", "0000-0002-1825-0097", "member-1"),
			new Author("Grace Hopper", "King's College London", null, null));

	@Test
	void warnsWhenTheReviewerSharesAnAuthorsAffiliationWrittenDifferently() {
		String warning = Conflicts.warning(reviewer(null, "the  university of BATH."), AUTHORS);
		assertThat(warning).contains("conflict of interest").contains("Ada Lovelace").doesNotContain("Grace");
	}

	@Test
	void warnsWhenTheReviewerIsAnAuthor() {
		assertThat(Conflicts.warning(reviewer("member-1", "Elsewhere"), AUTHORS)).contains("is an author");
	}

	@Test
	void saysNothingForAnUnrelatedReviewerOrOneWithoutAffiliation() {
		assertThat(Conflicts.warning(reviewer(null, "University of Bristol"), AUTHORS)).isNull();
		assertThat(Conflicts.warning(reviewer(null, null), AUTHORS)).isNull();
		assertThat(Conflicts.warning(reviewer(null, "   "), AUTHORS)).isNull();
	}

	@Test
	void accentsDoNotHideASharedAffiliation() {
		List<Author> authors = List.of(new Author("A", "Université de Genève", null, null));
		assertThat(Conflicts.warning(reviewer(null, "Universite de Geneve"), authors)).isNotNull();
	}

	private static Review.AssignInput reviewer(String id, String affiliation) {
		return new Review.AssignInput(id, "Reviewer", null, affiliation, LocalDate.of(2030, 1, 1));
	}

}
