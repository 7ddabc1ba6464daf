package org.biochemsec2030.tracker.trends;

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

}
