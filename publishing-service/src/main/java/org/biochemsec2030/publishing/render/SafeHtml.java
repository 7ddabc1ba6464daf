package org.biochemsec2030.publishing.render;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import org.springframework.stereotype.Component;

/**
 * A paper's Markdown body (tables and footnotes included) as HTML that is safe to put in
 * a page as it is. CommonMark renders; an allow-list sanitizer then keeps only the
 * elements and attributes of ordinary prose, plus the ids and classes the footnotes need
 * to link back and forth. Scripts, styles, event handlers, frames, forms and any URL that
 * is not http(s), mailto or relative never survive.
 */
@Component
public class SafeHtml {

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), FootnotesExtension.create());

	/** Footnote anchors as the extension writes them: fn-1, fnref-1, fnref-1-2. */
	private static final Pattern FOOTNOTE_ID = Pattern.compile("fn(ref)?-[A-Za-z0-9_-]{1,60}");

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true).build();

	private final PolicyFactory policy = new HtmlPolicyBuilder()
		.allowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "code",
				"em", "strong", "del", "sup", "sub", "table", "thead", "tbody", "tr", "th", "td", "section", "a")
		.allowUrlProtocols("http", "https", "mailto")
		.allowAttributes("href", "title")
		.onElements("a")
		.allowAttributes("id")
		.matching(FOOTNOTE_ID)
		.onElements("a", "li")
		.allowAttributes("class")
		.matching(false, "footnote-ref", "footnote-backref", "footnotes")
		.onElements("a", "sup", "section")
		.allowAttributes("align")
		.matching(false, "left", "right", "center")
		.onElements("th", "td")
		.requireRelsOnLinks("nofollow", "noopener")
		.toFactory();

	/**
	 * Any HTML (e.g. a CSL processor's output of staff-entered references) through the
	 * allow-list.
	 */
	public String sanitize(String html) {
		return this.policy.sanitize(html);
	}

	/** Markdown to sanitized HTML. Headings start at h2: the page's h1 is the title. */
	public String markdown(String markdown) {
		String html = this.renderer.render(this.parser.parse((markdown != null) ? markdown : ""));
		return this.policy.sanitize(html.replace("<h1>", "<h2>").replace("</h1>", "</h2>"));
	}

}
