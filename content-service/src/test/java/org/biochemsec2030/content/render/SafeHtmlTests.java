package org.biochemsec2030.content.render;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

class SafeHtmlTests {

	static final java.util.List<String> payloads = XssPayloads.ALL;

	private final SafeHtml safeHtml = new SafeHtml(URI.create("https://biochemsec2030.example"));

	private final MicroText microText = new MicroText(this.safeHtml);

	@Test
	void knowsAtLeastTwentyAttacks() {
		assertThat(XssPayloads.ALL).hasSizeGreaterThanOrEqualTo(20);
	}

	@ParameterizedTest
	@FieldSource("payloads")
	void markdownNeverKeepsAnythingExecutable(String payload) {
		XssPayloads.assertHarmless(this.safeHtml.markdown("Before\n\n" + payload + "\n\nafter " + payload));
	}

	@ParameterizedTest
	@FieldSource("payloads")
	void miniPostTextIsEscaped(String payload) {
		String html = this.microText.render(payload + " see https://example.org/a?b=1&c=<x> #1540").html();
		XssPayloads.assertHarmless(html);
		assertThat(html).doesNotContain("<script");
	}

	@Test
	void rendersOrdinaryMarkdown() {
		String html = this.safeHtml.markdown("""
				## Gene synthesis screening

				Providers *screen* orders; see [the guidance](/pages/about) and `code`.

				| regime | year |
				| --- | --- |
				| BWC | 1975 |
				""");
		assertThat(html).contains("<h2>Gene synthesis screening</h2>")
			.contains("<em>screen</em>")
			.contains("<a href=\"/pages/about\">the guidance</a>")
			.contains("<code>code</code>")
			.contains("<td>BWC</td>");
	}

	@Test
	void externalLinksGetNofollowNoopenerAndSiteLinksDoNot() {
		String html = this.safeHtml.markdown(
				"[UNODA](https://disarmament.unoda.org/biological-weapons/) and [home](https://biochemsec2030.example/blog)");
		assertThat(html)
			.contains(
					"<a href=\"https://disarmament.unoda.org/biological-weapons/\" rel=\"nofollow noopener\">UNODA</a>")
			.contains("<a href=\"https://biochemsec2030.example/blog\">home</a>");
	}

	@Test
	void miniPostLinksAddressesAndHashtags() {
		MicroText.Rendered rendered = this.microText
			.render("Read the report: https://www.un.org/en/sc/1540/. #UNSCR1540 & #S_and_T_review <b>bold</b>");
		assertThat(rendered.html()).contains(
				"<a href=\"https://www.un.org/en/sc/1540/\" rel=\"nofollow noopener\">https://www.un.org/en/sc/1540/</a>.")
			.contains("<a href=\"/micro?tag&#61;unscr1540\">#UNSCR1540</a>")
			.contains("&amp;")
			.contains("&lt;b&gt;bold&lt;/b&gt;");
		assertThat(rendered.hashtags()).containsExactly("unscr1540", "s-and-t-review");
	}

	@Test
	void slugsAreLowerCaseAsciiWords() {
		assertThat(Slugs.slugify("Resolution 1540 & the S&T review: what's next?", 80))
			.isEqualTo("resolution-1540-and-the-s-and-t-review-what-s-next");
		assertThat(Slugs.slugify("Génome éditing", 80)).isEqualTo("genome-editing");
	}

}
