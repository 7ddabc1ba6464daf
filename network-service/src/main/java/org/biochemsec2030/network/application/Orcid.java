package org.biochemsec2030.network.application;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ORCID iD: sixteen characters in four groups, the last a check character computed
 * with ISO 7064 MOD 11-2 over the fifteen digits before it ({@code X} stands for 10). A
 * typing slip in one digit, or two neighbours swapped, changes the check character, so
 * most mistakes are caught here instead of linking someone else's record.
 */
public final class Orcid {

	private static final Pattern ADDRESS = Pattern.compile("(?i)^(?:https?://)?(?:www\\.)?orcid\\.org/");

	private static final Pattern FORM = Pattern.compile("(\\d{4})-?(\\d{4})-?(\\d{4})-?(\\d{3}[\\dX])");

	private Orcid() {
	}

	/**
	 * The iD in its standard form ({@code 0000-0002-1825-0097}), given as typed (with or
	 * without hyphens, or as its https://orcid.org/ address); empty if it is not an ORCID
	 * iD or its check character is wrong.
	 */
	public static Optional<String> parse(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String bare = ADDRESS.matcher(typed.trim()).replaceFirst("").toUpperCase(Locale.ROOT);
		Matcher matcher = FORM.matcher(bare);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String digits = matcher.group(1) + matcher.group(2) + matcher.group(3) + matcher.group(4);
		if (checkCharacter(digits.substring(0, 15)) != digits.charAt(15)) {
			return Optional.empty();
		}
		return Optional.of(matcher.group(1) + "-" + matcher.group(2) + "-" + matcher.group(3) + "-" + matcher.group(4));
	}

	/** ISO 7064 MOD 11-2 over the base digits. */
	static char checkCharacter(String baseDigits) {
		int total = 0;
		for (int i = 0; i < baseDigits.length(); i++) {
			total = (total + (baseDigits.charAt(i) - '0')) * 2;
		}
		int result = (12 - total % 11) % 11;
		return (result == 10) ? 'X' : (char) ('0' + result);
	}

}
