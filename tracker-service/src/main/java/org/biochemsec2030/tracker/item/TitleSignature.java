package org.biochemsec2030.tracker.item;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What near-duplicate detection knows of a title: its set of normalised words (accents,
 * case, punctuation and common stop words removed) and a MinHash signature of that set
 * cut into bands. Two titles share a band value with a probability that rises steeply
 * with the Jaccard similarity of their word sets (8 bands of 3 hashes: about 0.2 at
 * similarity 0.3, 0.97 at 0.7, 0.997 at 0.8), so the bands find the few candidates worth
 * comparing exactly among any number of stored items, through an index.
 */
public record TitleSignature(Set<String> tokens, int[] bands) {

	static final int BANDS = 8;

	static final int ROWS = 3;

	private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "of", "in", "on", "for", "and", "or", "to",
			"with", "by", "from", "at", "is", "are", "as", "its", "it", "be", "that", "this", "into", "via");

	private static final int[] SEEDS = seeds(BANDS * ROWS);

	public TitleSignature {
		tokens = Set.copyOf(tokens);
		bands = bands.clone();
	}

	public static TitleSignature of(String title) {
		Set<String> tokens = tokens(title);
		return new TitleSignature(tokens, bands(tokens));
	}

	/** The words in a stable order, as stored. */
	public String key() {
		return String.join(" ", new TreeSet<>(this.tokens));
	}

	/** The signature of a stored key. */
	public static TitleSignature ofKey(String key) {
		Set<String> tokens = (key == null || key.isBlank()) ? Set.of() : Set.copyOf(Arrays.asList(key.split(" ")));
		return new TitleSignature(tokens, bands(tokens));
	}

	public double jaccard(TitleSignature other) {
		if (this.tokens.isEmpty() || other.tokens.isEmpty()) {
			return 0;
		}
		long common = this.tokens.stream().filter(other.tokens::contains).count();
		return (double) common / (this.tokens.size() + other.tokens.size() - common);
	}

	static Set<String> tokens(String title) {
		if (title == null) {
			return Set.of();
		}
		String folded = Normalizer.normalize(title, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT);
		Set<String> tokens = new LinkedHashSet<>();
		for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
				tokens.add(word);
			}
		}
		return tokens;
	}

	private static int[] bands(Set<String> tokens) {
		if (tokens.isEmpty()) {
			return new int[0];
		}
		int[] minimum = new int[SEEDS.length];
		Arrays.fill(minimum, Integer.MAX_VALUE);
		for (String token : tokens) {
			int base = token.hashCode();
			for (int i = 0; i < SEEDS.length; i++) {
				minimum[i] = Math.min(minimum[i], mix(base ^ SEEDS[i]));
			}
		}
		int[] bands = new int[BANDS];
		for (int band = 0; band < BANDS; band++) {
			int hash = 17 + band;
			for (int row = 0; row < ROWS; row++) {
				hash = 31 * hash + minimum[band * ROWS + row];
			}
			// The band's number is part of its value, so equal values in different bands
			// never count as a shared band.
			bands[band] = mix(hash) * BANDS + band;
		}
		return bands;
	}

	/**
	 * The finaliser of MurmurHash3: a fixed, well-spread hash (stored values rely on it).
	 */
	private static int mix(int value) {
		int h = value;
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		h ^= h >>> 16;
		return h;
	}

	private static int[] seeds(int count) {
		int[] seeds = new int[count];
		int value = 0x9E3779B9;
		for (int i = 0; i < count; i++) {
			value = mix(value + i * 0x632BE5AB);
			seeds[i] = value;
		}
		return seeds;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof TitleSignature that && this.tokens.equals(that.tokens);
	}

	@Override
	public int hashCode() {
		return this.tokens.hashCode();
	}

	@Override
	public String toString() {
		return "TitleSignature" + List.copyOf(new TreeSet<>(this.tokens));
	}

}
