package org.biochemsec2030.tracker.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression an analyst wrote, kept from running away. Java's engine copes with
 * the textbook cases such as {@code (a+)+$}, but it still backtracks polynomially
 * ({@code .*.*.*x}) and recurses once per repetition of an alternation ({@code (a|aa)+}),
 * which overflows the stack on a long text. So the pattern is at most
 * {@value #MAX_PATTERN} characters, the text at most {@value #MAX_TEXT}, matching reads
 * the text through a {@link CharSequence} that counts every character the engine looks at
 * and stops it after a fixed budget, a stack overflow counts as too costly, and a pattern
 * is refused when written if it is too costly on texts of the full length made to hurt
 * it. A budget of steps rather than a time limit gives the same answer on a busy machine
 * as on an idle one.
 */
final class GuardedRegex {

	static final int MAX_PATTERN = 200;

	/** Items are at most a 300-character title and a 1,000-character summary. */
	static final int MAX_TEXT = 2_000;

	/**
	 * Character reads allowed per match: a scan from every position of the longest text
	 * ({@code .*x}, quadratic) fits; cubic backtracking does not.
	 */
	static final long BUDGET = 20_000_000;

	private final Pattern pattern;

	private final long budget;

	private GuardedRegex(Pattern pattern, long budget) {
		this.pattern = pattern;
		this.budget = budget;
	}

	/** Compiles and tries the pattern on texts that make bad patterns blow up. */
	static GuardedRegex compile(String source) {
		if (source == null || source.isEmpty() || source.length() > MAX_PATTERN) {
			throw new IllegalArgumentException("a pattern of 1 to " + MAX_PATTERN + " characters");
		}
		Pattern pattern;
		try {
			pattern = Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException("not a valid regular expression: " + ex.getDescription());
		}
		GuardedRegex regex = new GuardedRegex(pattern, BUDGET);
		for (String probe : probes(source)) {
			try {
				regex.find(probe);
			}
			catch (TooCostly ex) {
				throw new IllegalArgumentException("the pattern takes too long on some texts (nested repetition such"
						+ " as (a|aa)+ or .*.*); simplify it");
			}
		}
		return regex;
	}

	/** The same pattern with another budget: shows the guard on short texts. */
	GuardedRegex withBudget(long budget) {
		return new GuardedRegex(this.pattern, budget);
	}

	/** Whether the pattern occurs in the text; {@link TooCostly} beyond the budget. */
	boolean find(String text) {
		if (text == null) {
			return false;
		}
		String bounded = (text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) : text;
		try {
			return this.pattern.matcher(new Counted(bounded, this.budget)).find();
		}
		catch (StackOverflowError ex) {
			throw new TooCostly();
		}
	}

	/**
	 * Texts of the full length on which costly patterns show it: long runs of each letter
	 * or digit the pattern names and of common classes, each ended by a character that
	 * makes a match fail late.
	 */
	private static List<String> probes(String source) {
		int run = MAX_TEXT - 1;
		List<String> probes = new ArrayList<>(List.of("a".repeat(run) + "!", "ab".repeat(run / 2) + "!",
				"x ".repeat(run / 2) + "!", "1".repeat(run) + "a", " ".repeat(run) + "!"));
		source.codePoints()
			.filter(Character::isLetterOrDigit)
			.distinct()
			.limit(10)
			.forEach(c -> probes.add(Character.toString(c).repeat(run) + "!"));
		return probes;
	}

	/** Thrown when a match used up its budget. */
	static final class TooCostly extends RuntimeException {

		TooCostly() {
			super("regular expression exceeded its budget", null, false, false);
		}

	}

	private static final class Counted implements CharSequence {

		private final String text;

		private final long[] left;

		Counted(String text, long budget) {
			this(text, new long[] { budget });
		}

		private Counted(String text, long[] left) {
			this.text = text;
			this.left = left;
		}

		@Override
		public char charAt(int index) {
			if (--this.left[0] < 0) {
				throw new TooCostly();
			}
			return this.text.charAt(index);
		}

		@Override
		public int length() {
			return this.text.length();
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return new Counted(this.text.substring(start, end), this.left);
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

}
