package org.biochemsec2030.tracker.trends;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The trends of published developments, counted afresh on each call. */
@Service
public class TrendsService {

	private final TrendsRepository repository;

	TrendsService(TrendsRepository repository) {
		this.repository = repository;
	}

	@Transactional(readOnly = true)
	public Trends trends() {
		return Trends.of(this.repository.published());
	}

	/**
	 * The published developments relevant to {@code regime} that a source first reported
	 * in {@code [from, until)}, the earliest first: the period of a review is counted as
	 * the trends are.
	 */
	@Transactional(readOnly = true)
	public List<Reported> reported(String regime, Instant from, Instant until) {
		return this.repository.published()
			.stream()
			.filter(d -> d.regimes().contains(regime) && !d.reportedAt().isBefore(from)
					&& d.reportedAt().isBefore(until))
			.map(d -> new Reported(d.id(), d.reportedAt()))
			.toList();
	}

	/** A published development and when a source first reported it. */
	public record Reported(UUID developmentId, Instant reportedAt) {
	}

}
