package org.biochemsec2030.tracker.item;

import org.jsoup.Jsoup;

/**
 * The text of feed HTML, nothing else: summaries come from sites we do not control, so no
 * markup of theirs is kept, and what is shown is escaped like any other text.
 */
public final class PlainText {

	private PlainText() {
	}

	/** Text of the HTML (entities decoded, blanks collapsed), cut at a word boundary. */
	public static String of(String html, int maxLength) {
		if (html == null || html.isBlank()) {
			return "";
		}
		String text = Jsoup.parse(html).text().replaceAll("\\s+", " ").strip();
		return cut(text, maxLength);
	}

	public static String cut(String text, int maxLength) {
		if (text.length() <= maxLength) {
			return text;
		}
		int space = text.lastIndexOf(' ', maxLength - 1);
		int end = (space > maxLength / 2) ? space : maxLength - 1;
		return text.substring(0, end).strip() + "…";
	}

}
