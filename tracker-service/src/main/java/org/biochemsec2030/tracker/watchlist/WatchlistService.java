package org.biochemsec2030.tracker.watchlist;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.biochemsec2030.contracts.tracker.WatchlistMatched;
import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.platform.taxonomy.Taxonomy;
import org.biochemsec2030.platform.taxonomy.Topic;
import org.biochemsec2030.tracker.publication.PublicDevelopment;
import org.biochemsec2030.tracker.publication.PublicationService;
import org.biochemsec2030.tracker.support.InvalidInput;
import org.biochemsec2030.tracker.support.TrackerTopics;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Watchlists of members and partners, and the alerts they get: when a development is
 * published, one {@link WatchlistMatched} per matching watchlist goes out through the
 * outbox in the publication's own transaction. The alert holds the gate's public view
 * only, so a hazard-flagged development alerts with its reviewed public summary.
 */
@Service
public class WatchlistService {

	static final String MEMBER = "member";

	static final String PARTNER = "partner";

	private final WatchlistRepository repository;

	private final PublicationService publications;

	private final TrackerTopics topics;

	private final Clock clock;

	WatchlistService(WatchlistRepository repository, PublicationService publications, TrackerTopics topics,
			Clock clock) {
		this.repository = repository;
		this.publications = publications;
		this.topics = topics;
		this.clock = clock;
	}

	@Transactional
	public Watchlist save(String kind, String owner, List<String> fields, List<String> regimes) {
		List<InvalidInput.FieldProblem> problems = new ArrayList<>();
		List<String> topics = topics(fields, problems);
		List<String> codes = regimes(regimes, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return this.repository.save(kind, owner, topics, codes, this.clock.instant());
	}

	@Transactional(readOnly = true)
	public Optional<Watchlist> find(String kind, String owner) {
		return this.repository.find(kind, owner);
	}

	/** A member was erased: their watchlist goes. */
	@Transactional
	public int forgetMember(String accountId) {
		return this.repository.delete(MEMBER, accountId);
	}

	@EventListener
	void published(PublicationService.Published published) {
		PublicDevelopment view = this.publications.publicView(published.developmentId()).orElseThrow();
		for (Watchlist watchlist : this.repository.watching(view.fields(), view.regimes())) {
			if (watchlist.matches(view.fields(), view.regimes())) {
				this.topics.announce(new WatchlistMatched(watchlist.id().toString(), watchlist.ownerKind(),
						watchlist.ownerId(), view.id().toString(), view.title(), view.summary(), view.url(),
						view.fields().stream().filter(watchlist.fields()::contains).toList(),
						view.regimes().stream().filter(watchlist.regimes()::contains).toList(), view.publishedAt()));
			}
		}
	}

	private static List<String> topics(List<String> values, List<InvalidInput.FieldProblem> problems) {
		Set<String> slugs = new LinkedHashSet<>();
		for (String value : (values != null) ? values : List.<String>of()) {
			Topic.bySlug(value)
				.ifPresentOrElse(topic -> slugs.add(topic.slug()),
						() -> problems.add(new InvalidInput.FieldProblem("fields",
								"'" + Taxonomy.shownValue(value) + "' is not a field; use " + Taxonomy.TOPIC_CHOICES)));
		}
		return List.copyOf(slugs);
	}

	private static List<String> regimes(List<String> values, List<InvalidInput.FieldProblem> problems) {
		Set<String> codes = new LinkedHashSet<>();
		for (String value : (values != null) ? values : List.<String>of()) {
			Regime.byCode(value)
				.ifPresentOrElse(regime -> codes.add(regime.code()), () -> problems
					.add(new InvalidInput.FieldProblem("regimes",
							"'" + Taxonomy.shownValue(value) + "' is not a regime; use " + Taxonomy.REGIME_CHOICES)));
		}
		return List.copyOf(codes);
	}

}
