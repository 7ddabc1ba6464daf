package org.biochemsec2030.publishing.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeHtmlTests {

	private final SafeHtml safeHtml = new SafeHtml();

	@Test
	void footnotesLinkToTheirNoteAndBack() {
		Document html = Jsoup.parse(this.safeHtml.markdown("Screening works.[^1]\n\n[^1]: See the 2023 guidance."));
		assertThat(html.select("sup.footnote-ref a[href=#fn-1]")).hasSize(1);
		assertThat(html.select("section.footnotes li#fn-1").text()).contains("See the 2023 guidance.");
		assertThat(html.select("a.footnote-backref[href=#fnref-1]")).hasSize(1);
	}

	@Test
	void tablesSurvive() {
		Document html = Jsoup.parse(this.safeHtml.markdown("| Regime | Article |\n|---|---:|\n| BWC | X |\n"));
		assertThat(html.select("table thead th")).extracting(e -> e.text()).containsExactly("Regime", "Article");
		assertThat(html.select("td[align=right]").text()).isEqualTo("X");
	}

	@Test
	void scriptsHandlersAndDangerousLinksAreRemoved() {
		String html = this.safeHtml.markdown("""
				<script>alert(1)</script>
				<img src=x onerror=alert(2)>

				[click](javascript:alert(3)) <a href="#x" onclick="alert(4)" id="evil" class="footnote-ref">x</a>

				<iframe src="https://example.org"></iframe><style>body{}</style>
				""");
		assertThat(html).contains("click")
			.doesNotContain("<script", "onerror", "href=\"javascript", "onclick", "<iframe", "<style", "id=\"evil\"");
	}

	@Test
	void headingsStartBelowThePageTitle() {
		assertThat(this.safeHtml.markdown("# Background")).contains("<h2>Background</h2>").doesNotContain("<h1>");
	}

}
