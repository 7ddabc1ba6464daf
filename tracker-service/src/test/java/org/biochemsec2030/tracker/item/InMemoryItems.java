package org.biochemsec2030.tracker.item;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The stored items as ingestion sees them, kept in memory the way the database keeps them
 * (every reported address, one DOI per item, an index of band values), so the rule can be
 * measured on fixtures without an engine.
 */
final class InMemoryItems implements Duplicates.Known {

	private final Map<String, UUID> urls = new HashMap<>();

	private final Map<String, UUID> dois = new HashMap<>();

	private final Map<Integer, Set<UUID>> bands = new HashMap<>();

	private final Map<UUID, Duplicates.Candidate> items = new LinkedHashMap<>();

	/** Ingests one entry; answers the item it became part of. */
	UUID ingest(String link, String doi, String title, Instant publishedAt) {
		String url = CanonicalUrl.of(link).orElseThrow();
		TitleSignature signature = TitleSignature.of(title);
		Optional<Duplicates.Match> match = Duplicates.find(url, doi, signature, publishedAt, this);
		UUID id = match.map(Duplicates.Match::itemId).orElseGet(UUID::randomUUID);
		if (match.isEmpty()) {
			this.items.put(id, new Duplicates.Candidate(id, signature, doi, publishedAt));
			for (int band : signature.bands()) {
				this.bands.computeIfAbsent(band, b -> new LinkedHashSet<>()).add(id);
			}
		}
		else if (doi != null && this.items.get(id).doi() == null && !this.dois.containsKey(doi)) {
			Duplicates.Candidate known = this.items.get(id);
			this.items.put(id, new Duplicates.Candidate(id, known.title(), doi, known.publishedAt()));
		}
		this.urls.putIfAbsent(url, id);
		if (doi != null) {
			this.dois.putIfAbsent(doi, id);
		}
		return id;
	}

	int size() {
		return this.items.size();
	}

	@Override
	public Optional<UUID> byUrl(String canonicalUrl) {
		return Optional.ofNullable(this.urls.get(canonicalUrl));
	}

	@Override
	public Optional<UUID> byDoi(String doi) {
		return Optional.ofNullable(this.dois.get(doi));
	}

	/**
	 * As the database answers it: the window, the most shared band values first, the cap.
	 */
	@Override
	public List<Duplicates.Candidate> sharingABand(int[] values, Instant publishedAt) {
		Map<UUID, Integer> shared = new LinkedHashMap<>();
		for (int value : values) {
			for (UUID id : this.bands.getOrDefault(value, Set.of())) {
				shared.merge(id, 1, Integer::sum);
			}
		}
		List<UUID> newestFirst = new ArrayList<>(shared.keySet());
		Collections.reverse(newestFirst);
		return newestFirst.stream()
			.map(this.items::get)
			.filter(candidate -> publishedAt == null || candidate.publishedAt() == null
					|| !Duration.between(candidate.publishedAt(), publishedAt)
						.abs()
						.minus(Duplicates.WINDOW)
						.isPositive())
			.sorted(Comparator.comparingInt((Duplicates.Candidate candidate) -> shared.get(candidate.id())).reversed())
			.limit(Duplicates.CANDIDATES)
			.toList();
	}

	/** Stores an item as given, signature and all, as if ingested. */
	void store(Duplicates.Candidate item) {
		this.items.put(item.id(), item);
		for (int band : item.title().bands()) {
			this.bands.computeIfAbsent(band, b -> new LinkedHashSet<>()).add(item.id());
		}
	}

}
