package org.biochemsec2030.tracker.source;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.outbound.AddressPolicy;
import org.biochemsec2030.tracker.item.FeedEntry;
import org.biochemsec2030.tracker.item.IngestReport;
import org.biochemsec2030.tracker.item.ItemService;
import org.biochemsec2030.tracker.item.Reporter;
import org.biochemsec2030.tracker.support.Conflict;
import org.biochemsec2030.tracker.support.InvalidInput;
import org.biochemsec2030.tracker.support.NotFound;
import org.biochemsec2030.tracker.support.TrackerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sources analysts follow and their polling. A poll fetches outside any transaction (a
 * slow site holds no connection of the pool), then stores the entries and the source's
 * new state in one transaction, so its health and its items never disagree.
 */
@Service
public class SourceService {

	static final int DEFAULT_MINUTES = 60;

	static final int MIN_MINUTES = 5;

	static final int MAX_MINUTES = 7 * 24 * 60;

	private static final Logger logger = LoggerFactory.getLogger(SourceService.class);

	private final SourceRepository sources;

	private final ItemService items;

	private final FeedFetcher fetcher;

	private final FeedParser parser;

	private final TransactionTemplate transaction;

	private final TrackerProperties.Poller poller;

	private final AddressPolicy policy;

	private final OwnFeeds own;

	private final Clock clock;

	SourceService(SourceRepository sources, ItemService items, FeedFetcher fetcher, FeedParser parser,
			TransactionTemplate transaction, TrackerProperties properties, OwnFeeds own, Clock clock) {
		this.own = own;
		this.sources = sources;
		this.items = items;
		this.fetcher = fetcher;
		this.parser = parser;
		this.transaction = transaction;
		this.poller = properties.poller();
		this.policy = properties.fetch().policy();
		this.clock = clock;
	}

	/** A new source, due for its first poll at once. */
	public SourceHealth add(SourceInput input, Actor actor) {
		Checked checked = check(input, null);
		UUID id = UUID.randomUUID();
		this.transaction.executeWithoutResult(status -> this.sources.insert(id, checked.name(), checked.url(),
				checked.pollEvery(), this.clock.instant(), actor.id()));
		return health(id);
	}

	/** A source's name, address and interval, checked as when it was added. */
	public SourceHealth update(UUID id, SourceInput input) {
		health(id);
		Checked checked = check(input, id);
		this.transaction.executeWithoutResult(status -> {
			if (!this.sources.update(id, checked.name(), checked.url(), checked.pollEvery(), this.clock.instant())) {
				throw new NotFound("No source " + id);
			}
		});
		return health(id);
	}

	/** A disabled source is not polled; what it reported stays. */
	public SourceHealth enable(UUID id, boolean enabled) {
		this.transaction.executeWithoutResult(status -> {
			if (!this.sources.setEnabled(id, enabled)) {
				throw new NotFound("No source " + id);
			}
		});
		return health(id);
	}

	/**
	 * Removes a source that never reported anything (a mistyped address). One that did is
	 * evidence items rest on: it can be disabled, not removed.
	 */
	public void delete(UUID id) {
		this.transaction.executeWithoutResult(status -> {
			health(id);
			if (this.sources.hasReports(id)) {
				throw new Conflict(
						"This source reported items that may be evidence of a development; disable it instead.");
			}
			this.sources.delete(id);
		});
	}

	private Checked check(SourceInput input, UUID except) {
		List<InvalidInput.FieldProblem> problems = new ArrayList<>();
		String name = (input.name() != null) ? input.name().strip() : "";
		if (name.isEmpty() || name.length() > 100) {
			problems.add(new InvalidInput.FieldProblem("name", "give the source a name of 1 to 100 characters"));
		}
		String url = feedAddress(input.url(), problems);
		int minutes = (input.pollEveryMinutes() != null) ? input.pollEveryMinutes() : DEFAULT_MINUTES;
		if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
			problems.add(new InvalidInput.FieldProblem("pollEveryMinutes",
					"poll every " + MIN_MINUTES + " to " + MAX_MINUTES + " minutes"));
		}
		if (url != null && this.sources.urlTaken(url, except)) {
			problems.add(new InvalidInput.FieldProblem("url", "this feed is a source already"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new Checked(name, url, Duration.ofMinutes(minutes));
	}

	private record Checked(String name, String url, Duration pollEvery) {
	}

	public List<SourceHealth> health() {
		return this.sources.health();
	}

	public SourceHealth health(UUID id) {
		return this.sources.health(id).orElseThrow(() -> new NotFound("No source " + id));
	}

	/** Polls every source due now; what the scheduler calls. */
	public List<PollOutcome> pollDue() {
		return pollDue(this.clock.instant());
	}

	/**
	 * Polls every source due at {@code now}, several at a time: a slow site delays only
	 * its own poll.
	 */
	public List<PollOutcome> pollDue(Instant now) {
		List<Source> due = this.transaction
			.execute(status -> this.sources.claimDue(now, this.poller.lease(), this.poller.batch()));
		if (due == null || due.isEmpty()) {
			return List.of();
		}
		List<PollOutcome> outcomes = new ArrayList<>();
		try (ExecutorService polls = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<PollOutcome>> running = due.stream()
				.map(source -> polls.submit(() -> poll(source, now)))
				.toList();
			for (Future<PollOutcome> poll : running) {
				try {
					outcomes.add(poll.get());
				}
				catch (Exception ex) {
					logger.warn("A poll failed unexpectedly", ex);
				}
			}
		}
		return outcomes;
	}

	/** Polls one source now, whenever it is due (the analysts' "poll now"). */
	public PollOutcome pollNow(UUID id) {
		return pollNow(id, this.clock.instant());
	}

	/** Polls one source as at {@code now}. */
	public PollOutcome pollNow(UUID id, Instant now) {
		Source source = this.sources.find(id).orElseThrow(() -> new NotFound("No source " + id));
		return poll(source, now);
	}

	private PollOutcome poll(Source source, Instant now) {
		FetchResult result = this.fetcher.fetch(URI.create(source.url()), source.etag(), source.lastModified());
		return switch (result) {
			case FetchResult.NotModified notModified -> {
				this.transaction.executeWithoutResult(
						status -> this.sources.recordSuccess(source.id(), now, "304", notModified.etag(),
								notModified.lastModified(), Backoff.afterSuccess(now, source.pollEvery()), 0));
				yield new PollOutcome(source.id(), "304", null, null);
			}
			case FetchResult.Failed failed -> fail(source, now, failed.message());
			case FetchResult.Fetched fetched -> {
				List<FeedEntry> entries;
				try {
					entries = this.parser.parse(fetched.body());
				}
				catch (FeedFormatException ex) {
					// The validators of an unreadable answer are not kept: a 304 to them
					// would hide that the feed was never read.
					yield fail(source, now, ex.getMessage());
				}
				IngestReport report = this.transaction.execute(status -> {
					IngestReport ingested = this.items.ingest(new Reporter(source.id(), source.name(), source.url()),
							entries, now);
					this.sources.recordSuccess(source.id(), now, String.valueOf(fetched.status()), fetched.etag(),
							fetched.lastModified(), Backoff.afterSuccess(now, source.pollEvery()),
							ingested.newReports());
					return ingested;
				});
				yield new PollOutcome(source.id(), String.valueOf(fetched.status()), null, report);
			}
		};
	}

	private PollOutcome fail(Source source, Instant now, String message) {
		int failures = source.consecutiveFailures() + 1;
		String error = (message.length() > 300) ? message.substring(0, 300) : message;
		this.transaction.executeWithoutResult(status -> this.sources.recordFailure(source.id(), now, error, failures,
				Backoff.afterFailure(now, failures)));
		logger.info("Source {} failed ({} in a row): {}", source.name(), failures, error);
		return new PollOutcome(source.id(), "failed", error, null);
	}

	private String feedAddress(String raw, List<InvalidInput.FieldProblem> problems) {
		if (this.own.isOwn(raw)) {
			// One of the demo feeds this service serves (demo data only): OwnFeeds says
			// exactly which addresses that is.
			return raw.strip();
		}
		try {
			return this.policy.check(raw).toString();
		}
		catch (AddressPolicy.Refused ex) {
			problems.add(new InvalidInput.FieldProblem("url", ex.getMessage()));
			return null;
		}
	}

}
