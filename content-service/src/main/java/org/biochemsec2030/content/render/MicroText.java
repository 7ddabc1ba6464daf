package org.biochemsec2030.content.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * A mini-post's plain text as HTML: everything escaped, then web addresses and
 * {@code #hashtags} made into links (hashtags lead to the mini-blog filtered by that
 * tag). The result still goes through the sanitizer: two locks on one door.
 */
@Component
public class MicroText {

	// An address ends before trailing punctuation, so "see https://x.org." links x.org.
	private static final Pattern TOKEN = Pattern.compile(
			"(https?://[^\\s<>\"']*[^\\s<>\"'.,;:!?)\\]])|(?<![\\p{L}\\p{N}_&#/])#([\\p{L}\\p{N}_][\\p{L}\\p{N}_-]{0,49})");

	private final SafeHtml safeHtml;

	public MicroText(SafeHtml safeHtml) {
		this.safeHtml = safeHtml;
	}

	public record Rendered(String html, List<String> hashtags) {

	}

	public Rendered render(String text) {
		StringBuilder html = new StringBuilder("<p>");
		LinkedHashSet<String> hashtags = new LinkedHashSet<>();
		Matcher matcher = TOKEN.matcher(text);
		int last = 0;
		while (matcher.find()) {
			html.append(escape(text.substring(last, matcher.start())));
			if (matcher.group(1) != null) {
				String url = matcher.group(1);
				html.append("<a href=\"").append(HtmlUtils.htmlEscape(url)).append("\">");
				html.append(HtmlUtils.htmlEscape(url)).append("</a>");
			}
			else {
				String tag = Slugs.slugify(matcher.group(2), 50);
				if (tag.isEmpty()) {
					html.append(escape(matcher.group()));
				}
				else {
					hashtags.add(tag);
					html.append("<a href=\"/micro?tag=").append(tag).append("\">#");
					html.append(HtmlUtils.htmlEscape(matcher.group(2))).append("</a>");
				}
			}
			last = matcher.end();
		}
		html.append(escape(text.substring(last))).append("</p>");
		return new Rendered(this.safeHtml.sanitize(html.toString()), new ArrayList<>(hashtags));
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text).replace("\r\n", "\n").replace("\n", "<br>");
	}

}
