package org.biochemsec2030.tracker.item;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.biochemsec2030.tracker.support.InvalidInput;
import org.biochemsec2030.tracker.support.NotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Items: entries from every source, normalised and de-duplicated. The one way in is
 * {@link #ingest}, which every source's poll goes through.
 */
@Service
public class ItemService {

	static final int TITLE_LENGTH = 300;

	static final int SUMMARY_LENGTH = 1000;

	private final ItemRepository items;

	private final Classifier classifier;

	ItemService(ItemRepository items, Classifier classifier) {
		this.items = items;
		this.classifier = classifier;
	}

	/**
	 * Stores what a source reported: each entry becomes a new item or one more report of
	 * an item known from any source (same address, same DOI or a near-identical title).
	 */
	@Transactional
	public IngestReport ingest(Reporter source, List<FeedEntry> entries, Instant now) {
		this.items.lockIngestion();
		int newItems = 0;
		int duplicates = 0;
		int newReports = 0;
		int skipped = 0;
		for (FeedEntry entry : entries) {
			Optional<Normalised> normalised = normalise(entry);
			if (normalised.isEmpty()) {
				skipped++;
				continue;
			}
			Normalised item = normalised.get();
			Optional<Duplicates.Match> match = Duplicates.find(item.url(), item.doi(), item.signature(),
					item.publishedAt(), this.items);
			UUID itemId;
			String matchedBy;
			if (match.isPresent()) {
				itemId = match.get().itemId();
				matchedBy = match.get().reason().name().toLowerCase(java.util.Locale.ROOT);
				duplicates++;
				if (item.doi() != null) {
					this.items.adoptDoi(itemId, item.doi());
				}
			}
			else {
				itemId = UUID.randomUUID();
				matchedBy = "first";
				this.items.insert(itemId, item.url(), item.title(), item.signature(), item.summary(), item.doi(),
						item.publishedAt(), now);
				// Rules judge an item once, when it arrives; reports of it from other
				// sources later change nothing until the rules are run again.
				this.items.applyVerdict(itemId, this.classifier
					.classify(new ItemText(item.title(), item.summary(), List.of(source.name(), source.url()))));
				newItems++;
			}
			if (this.items.report(itemId, source.id(), item.url(), item.title(), matchedBy, now)) {
				newReports++;
			}
		}
		return new IngestReport(entries.size(), newItems, duplicates, newReports, skipped);
	}

	@Transactional(readOnly = true)
	public Optional<ItemView> find(UUID id) {
		return this.items.find(id);
	}

	@Transactional(readOnly = true)
	public List<ItemView> all() {
		return this.items.all();
	}

	/** The triage queue: flagged items first, then the newest. */
	@Transactional(readOnly = true)
	public List<ItemView> queue(QueueFilter filter) {
		return this.items.queue(filter);
	}

	/**
	 * Runs the current rules again over every item no analyst has decided about (new, or
	 * dismissed by a rule); answers how many were judged.
	 */
	@Transactional
	public int reclassify() {
		List<UUID> ids = this.items.untriaged();
		for (UUID id : ids) {
			this.items.applyVerdict(id, this.classifier.classify(this.items.text(id)));
		}
		return ids.size();
	}

	/** An analyst dismisses an item, or takes it back into the queue. */
	@Transactional
	public void decide(UUID id, boolean dismiss, String analyst, Instant now) {
		String status = this.items.status(id);
		if (status == null) {
			throw new NotFound("No item " + id);
		}
		if (status.equals("promoted")) {
			throw new InvalidInput(List.of(new InvalidInput.FieldProblem("item",
					"the item is part of a development already; remove it there first")));
		}
		this.items.decide(id, dismiss ? "dismissed" : "new", analyst, now);
	}

	/**
	 * Marks items as gathered into a development, in the caller's transaction; fails on
	 * an unknown item.
	 */
	@Transactional
	public void markPromoted(List<UUID> ids, String analyst, Instant now) {
		for (UUID id : ids) {
			if (this.items.status(id) == null) {
				throw new NotFound("No item " + id);
			}
			this.items.decide(id, "promoted", analyst, now);
		}
	}

	/** An entry as stored, or empty when it has no web address or no title. */
	static Optional<Normalised> normalise(FeedEntry entry) {
		Optional<String> url = CanonicalUrl.of(entry.link()).or(() -> CanonicalUrl.of(entry.id()));
		String title = PlainText.of(entry.title(), TITLE_LENGTH);
		if (url.isEmpty() || title.isEmpty()) {
			return Optional.empty();
		}
		String summary = PlainText.of(entry.summaryHtml(), SUMMARY_LENGTH);
		String doi = Doi.find(entry.link(), entry.id(), PlainText.of(entry.summaryHtml(), 20_000)).orElse(null);
		return Optional
			.of(new Normalised(url.get(), title, TitleSignature.of(title), summary, doi, entry.publishedAt()));
	}

	record Normalised(String url, String title, TitleSignature signature, String summary, String doi,
			Instant publishedAt) {
	}

}
