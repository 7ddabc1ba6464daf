package org.biochemsec2030.publishing.cite;

import java.util.List;
import java.util.Map;

import org.biochemsec2030.publishing.render.BibTeXReferences;
import org.biochemsec2030.publishing.support.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * References written in BibTeX become CSL-JSON items and are formatted by the CSL
 * processor like any other.
 */
class BibTeXReferencesTests {

	private static final String BIBTEX = """
			@article{lentzos2016,
			  author = {Lentzos, Filippa and Koblentz, Gregory D.},
			  title = {Biosecurity in the age of synthetic biology},
			  journal = {Nature Biotechnology},
			  volume = {34},
			  pages = {1234--1236},
			  year = {2016},
			  doi = {10.1000/example.2016.1}
			}

			@techreport{cwc2023,
			  author = {{Conference of the States Parties to the Chemical Weapons Convention}},
			  title = {Report of the Fifth Review Conference},
			  institution = {Organisation for the Prohibition of Chemical Weapons},
			  number = {RC-5/3},
			  year = {2023}
			}
			""";

	private final Citations citations = new Citations(CitationsTests.PROPERTIES);

	@Test
	void entriesBecomeCslJsonItemsKeyedByTheirCitationKeys() {
		List<Map<String, Object>> items = BibTeXReferences.cslJson("referencesBibtex", BIBTEX);
		assertThat(items).extracting(item -> item.get("id")).containsExactly("lentzos2016", "cwc2023");
		Map<String, Object> article = items.get(0);
		assertThat(article).containsEntry("type", "article-journal")
			.containsEntry("title", "Biosecurity in the age of synthetic biology")
			.containsEntry("container-title", "Nature Biotechnology")
			.containsEntry("DOI", "10.1000/example.2016.1");
		assertThat(items.get(1)).containsEntry("type", "report")
			.containsEntry("publisher", "Organisation for the Prohibition of Chemical Weapons");
	}

	@Test
	void theProcessorFormatsThemAsItFormatsCslJson() {
		List<String> apa = this.citations.referencesText(
				CitationsTests.paper("Screening", BibTeXReferences.cslJson("referencesBibtex", BIBTEX)), "apa");
		assertThat(apa).hasSize(2);
		assertThat(apa).anySatisfy(entry -> assertThat(entry).startsWith("Lentzos, F., & Koblentz, G. D. (2016).")
			.contains("Biosecurity in the age of synthetic biology", "Nature Biotechnology", "34", "1234–1236"));
		assertThat(apa).anySatisfy(entry -> assertThat(entry)
			.startsWith("Conference of the States Parties to the Chemical Weapons Convention. (2023)."));
	}

	@Test
	void whatIsNotBibTeXIsExplainedForTheField() {
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> BibTeXReferences.cslJson("referencesBibtex", "@article{broken, title = {no end"))
			.satisfies(ex -> assertThat(ex.problems()).singleElement()
				.satisfies(problem -> assertThat(problem.field()).isEqualTo("referencesBibtex")));
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> BibTeXReferences.cslJson("referencesBibtex", "just some words"))
			.satisfies(ex -> assertThat(ex.problems().get(0).message()).contains("no BibTeX entry"));
	}

}
