package org.biochemsec2030.content.render;

import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on rendered text in the style of the OWASP XSS filter evasion cheat sheet, and
 * the check that none of them leaves anything executable in the output.
 */
public final class XssPayloads {

	public static final List<String> ALL = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
			"<svg onload=alert(1)>", "[click](javascript:alert(1))", "[click](JaVaScRiPt:alert(1))",
			"[click](javascript&#58;alert(1))", "<a href=\"javascript:alert(1)\">x</a>",
			"<a href=\"  javascript:alert(1)\">x</a>", "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
			"<iframe src=\"javascript:alert(1)\"></iframe>", "<body onload=alert(1)>",
			"<div style=\"background:url(javascript:alert(1))\">x</div>", "<IMG SRC=\"javascript:alert('XSS');\">",
			"<IMG SRC=JaVaScRiPt:alert('XSS')>", "<object data=\"javascript:alert(1)\"></object>",
			"<embed src=\"javascript:alert(1)\">", "<form action=\"javascript:alert(1)\"><input type=submit></form>",
			"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style>",
			"<details open ontoggle=alert(1)>", "![x](javascript:alert(1))",
			"<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
			"<scr<script>ipt>alert(1)</script>", "\"><script>alert(1)</script>",
			"<img \"\"\"><script>alert(1)</script>\">", "<a href=\"#\" onclick=\"alert(1)\">x</a>",
			"<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
			"<link rel=stylesheet href=\"javascript:alert(1)\">", "<base href=\"javascript:alert(1)//\">",
			"[x](vbscript:msgbox(1))", "<video><source onerror=\"alert(1)\"></video>",
			"<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
			"<img src=\"x:alert\" onerror=\"eval(String.fromCharCode(97,108,101,114,116,40,49,41))\">");

	private static final List<String> FORBIDDEN_ELEMENTS = List.of("script", "iframe", "object", "embed", "form",
			"input", "style", "meta", "base", "link", "svg", "math", "video", "source", "details");

	private XssPayloads() {
	}

	/** Parses the HTML as a browser would and fails on anything that could run. */
	public static void assertHarmless(String html) {
		Document document = Jsoup.parseBodyFragment(html);
		for (Element element : document.body().getAllElements()) {
			if (element == document.body()) {
				continue;
			}
			assertThat(FORBIDDEN_ELEMENTS).as("element <%s> in %s", element.tagName(), html)
				.doesNotContain(element.tagName());
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(Locale.ROOT);
				assertThat(name).as("attribute %s in %s", name, html).doesNotStartWith("on").isNotEqualTo("style");
				String value = attribute.getValue().toLowerCase(Locale.ROOT).replaceAll("[\\s\\u0000-\\u001f]", "");
				assertThat(value).as("%s=%s in %s", name, value, html)
					.doesNotStartWith("javascript:")
					.doesNotStartWith("vbscript:")
					.doesNotStartWith("data:");
			}
		}
	}

}
