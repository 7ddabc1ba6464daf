package org.biochemsec2030.tracker.item;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The rule that decides whether an incoming entry is an item already known, from any
 * source: the same canonical address, else the same DOI, else a title close enough to a
 * known one's. Stated once, here; ingestion supplies the lookups (the database), the
 * tests an in-memory set of labelled fixtures.
 */
public final class Duplicates {

	/**
	 * Word-set similarity from which two titles name one article. Chosen on the labelled
	 * fixtures (DeduplicationQualityTests): lower and reworded headlines of different
	 * studies start to merge, higher and a site's suffix (" | Example News") splits one.
	 */
	public static final double TITLE_SIMILARITY = 0.7;

	/**
	 * Titles with fewer words than this match only when their words are the same: on a
	 * few words one word of difference is most of the title.
	 */
	static final int SHORT_TITLE = 4;

	/**
	 * Similar titles published further apart than this are different articles (the weekly
	 * round-up with the same headline every week).
	 */
	public static final Duration WINDOW = Duration.ofDays(45);

	/**
	 * Most candidates compared exactly for one title. A band made of the field's common
	 * words is shared by thousands of stored items; the real match shares most of its
	 * bands, so it ranks near the top of those sharing the most and a short list is
	 * enough.
	 */
	static final int CANDIDATES = 200;

	private Duplicates() {
	}

	/** What ingestion knows about stored items. */
	public interface Known {

		Optional<UUID> byUrl(String canonicalUrl);

		Optional<UUID> byDoi(String doi);

		/**
		 * At most {@link #CANDIDATES} items sharing at least one band value with the
		 * signature, published within {@link #WINDOW} of {@code publishedAt} (or undated,
		 * or any when {@code publishedAt} is null: {@link #similar} lets undated titles
		 * match), those sharing the most band values first, then the newest.
		 */
		List<Candidate> sharingABand(int[] bands, Instant publishedAt);

	}

	/** A stored item as far as title matching needs it. */
	public record Candidate(UUID id, TitleSignature title, String doi, Instant publishedAt) {
	}

	/** How an entry was recognised. */
	public enum Reason {

		URL, DOI, TITLE

	}

	/** The known item an entry is, and why. */
	public record Match(UUID itemId, Reason reason) {
	}

	public static Optional<Match> find(String canonicalUrl, String doi, TitleSignature title, Instant publishedAt,
			Known known) {
		Optional<UUID> byUrl = known.byUrl(canonicalUrl);
		if (byUrl.isPresent()) {
			return Optional.of(new Match(byUrl.get(), Reason.URL));
		}
		if (doi != null) {
			Optional<UUID> byDoi = known.byDoi(doi);
			if (byDoi.isPresent()) {
				return Optional.of(new Match(byDoi.get(), Reason.DOI));
			}
		}
		Candidate incoming = new Candidate(null, title, doi, publishedAt);
		return known.sharingABand(title.bands(), publishedAt)
			.stream()
			.filter(candidate -> similar(incoming, candidate))
			.max(Comparator.comparingDouble(candidate -> candidate.title().jaccard(title)))
			.map(candidate -> new Match(candidate.id(), Reason.TITLE));
	}

	/** Whether two items with these titles, DOIs and dates are one article. */
	public static boolean similar(Candidate a, Candidate b) {
		if (a.doi() != null && b.doi() != null && !Objects.equals(a.doi(), b.doi())) {
			// Two DOIs are two works, however alike their titles (a preprint and its
			// erratum, part 1 and part 2).
			return false;
		}
		if (a.publishedAt() != null && b.publishedAt() != null
				&& Duration.between(a.publishedAt(), b.publishedAt()).abs().compareTo(WINDOW) > 0) {
			return false;
		}
		int size = Math.min(a.title().tokens().size(), b.title().tokens().size());
		if (size == 0) {
			return false;
		}
		if (size < SHORT_TITLE) {
			return a.title().tokens().equals(b.title().tokens());
		}
		return a.title().jaccard(b.title()) >= TITLE_SIMILARITY;
	}

}
