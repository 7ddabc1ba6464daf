package org.biochemsec2030.tracker.item;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Digital Object Identifier found in an entry's link, id or text. DOIs are compared in
 * lower case (the DOI system treats them case-insensitively). Punctuation that ends a
 * sentence is not part of one, and a closing parenthesis only when it closes one opened
 * inside the DOI ({@code 10.1016/S0140-6736(20)30183-5}).
 */
public final class Doi {

	// The registrant prefix is 10.<4 to 9 digits>; the suffix runs until a blank, a quote
	// or markup. Bounded, so a long run of text cannot make matching expensive.
	private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/[^\\s\"'<>]{1,200}");

	private static final int MAX_TEXT = 20_000;

	private Doi() {
	}

	/**
	 * The first DOI in a link (its path), an id, then a text; empty when none has one.
	 */
	public static Optional<String> find(String link, String id, String text) {
		return inAddress(link).or(() -> inAddress(id)).or(() -> inText(id)).or(() -> inText(text));
	}

	static Optional<String> inAddress(String address) {
		if (address == null || address.isBlank()) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(address.strip());
			if (uri.getRawPath() == null) {
				return Optional.empty();
			}
			return inText(URLDecoder.decode(uri.getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8));
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	static Optional<String> inText(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String bounded = (text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) : text;
		Matcher matcher = DOI.matcher(bounded);
		if (!matcher.find()) {
			return Optional.empty();
		}
		return Optional.of(trim(matcher.group())).filter(doi -> doi.indexOf('/') < doi.length() - 1);
	}

	private static String trim(String found) {
		String doi = found;
		for (char stop : new char[] { '?', '#', '&' }) {
			int at = doi.indexOf(stop);
			if (at > 0) {
				doi = doi.substring(0, at);
			}
		}
		boolean changed = true;
		while (changed && !doi.isEmpty()) {
			changed = false;
			char last = doi.charAt(doi.length() - 1);
			if (".,;:!]}".indexOf(last) >= 0 || (last == ')' && unbalanced(doi))) {
				doi = doi.substring(0, doi.length() - 1);
				changed = true;
			}
		}
		return doi.toLowerCase(Locale.ROOT);
	}

	private static boolean unbalanced(String doi) {
		long open = doi.chars().filter(c -> c == '(').count();
		long close = doi.chars().filter(c -> c == ')').count();
		return close > open;
	}

}
