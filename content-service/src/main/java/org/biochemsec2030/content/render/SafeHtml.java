package org.biochemsec2030.content.render;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import org.biochemsec2030.content.support.ContentProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Markdown to HTML that is safe to put in a page as it is. CommonMark renders the text
 * (raw HTML included, so editors can use the odd {@code <sup>}); then an allow-list
 * sanitizer keeps only the elements and attributes of ordinary prose. Scripts, styles,
 * event handlers, frames, forms and any URL that is not http(s), mailto or relative never
 * survive; links leaving the site get {@code rel="nofollow noopener"}.
 */
@Component
public class SafeHtml {

	private static final Pattern LANGUAGE = Pattern.compile("language-[a-zA-Z0-9_+-]{1,30}");

	private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();

	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.extensions(List.of(TablesExtension.create()))
		.sanitizeUrls(true)
		.build();

	private final String siteHost;

	private final PolicyFactory policy;

	@Autowired
	public SafeHtml(ContentProperties properties) {
		this(properties.publicUrl());
	}

	public SafeHtml(URI publicUrl) {
		this.siteHost = (publicUrl.getHost() != null) ? publicUrl.getHost().toLowerCase(Locale.ROOT) : "";
		this.policy = new HtmlPolicyBuilder()
			.allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre",
					"code", "em", "strong", "del", "sup", "sub", "table", "thead", "tbody", "tr", "th", "td", "img")
			.allowUrlProtocols("http", "https", "mailto")
			.allowAttributes("href", "title")
			.onElements("a")
			.allowAttributes("src", "alt", "title")
			.onElements("img")
			.allowAttributes("class")
			.matching(LANGUAGE)
			.onElements("code")
			.allowAttributes("align")
			.matching(false, "left", "right", "center")
			.onElements("th", "td")
			.allowAttributes("start")
			.matching(Pattern.compile("[0-9]{1,6}"))
			.onElements("ol")
			.allowElements((name, attributes) -> {
				int href = attributes.indexOf("href");
				if (href >= 0 && href % 2 == 0 && isExternal(attributes.get(href + 1))) {
					attributes.add("rel");
					attributes.add("nofollow noopener");
				}
				return name;
			}, "a")
			.toFactory();
	}

	/** Markdown to sanitized HTML. */
	public String markdown(String markdown) {
		Node document = this.parser.parse((markdown != null) ? markdown : "");
		return sanitize(this.renderer.render(document));
	}

	/** Any HTML through the allow-list. */
	public String sanitize(String html) {
		return this.policy.sanitize(html);
	}

	/** A link that leaves the site: absolute, to another host than the public one. */
	public boolean isExternal(String href) {
		String lower = href.trim().toLowerCase(Locale.ROOT);
		if (!(lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//"))) {
			return false;
		}
		try {
			URI uri = URI.create(lower.startsWith("//") ? "https:" + lower : lower);
			return uri.getHost() == null || !uri.getHost().equals(this.siteHost);
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
	}

}
