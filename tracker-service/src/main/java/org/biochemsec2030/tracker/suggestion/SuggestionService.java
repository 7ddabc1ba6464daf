package org.biochemsec2030.tracker.suggestion;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.Problems;
import org.biochemsec2030.tracker.support.InvalidInput;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sources members suggest, for analysts to consider. A suggestion is only recorded here:
 * the tracker never reads an address a member typed until an analyst adds it as a source,
 * where the outbound address policy applies.
 */
@Service
public class SuggestionService {

	static final int MAX_REASON = 1000;

	static final int MAX_URL = 2000;

	private final SuggestionRepository repository;

	private final Clock clock;

	SuggestionService(SuggestionRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	@Transactional
	public Suggestion suggest(String url, String reason, Actor member) {
		List<InvalidInput.FieldProblem> problems = new ArrayList<>();
		String address = (url != null) ? url.strip() : "";
		String why = (reason != null) ? reason.strip() : "";
		if (!isWebAddress(address)) {
			problems.add(new InvalidInput.FieldProblem("url",
					"give the full address of the feed or site, starting with https:// or http://"));
		}
		if (why.isEmpty()) {
			problems.add(new InvalidInput.FieldProblem("reason", "say in a few words why analysts should follow it"));
		}
		else if (why.length() > MAX_REASON || Problems.hasNul(why)) {
			problems.add(new InvalidInput.FieldProblem("reason",
					Problems.hasNul(why) ? Problems.NUL_MESSAGE : "use at most " + MAX_REASON + " characters"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Suggestion suggestion = new Suggestion(UUID.randomUUID(), address, why, member.id(), member.name(),
				this.clock.instant(), null);
		this.repository.insert(suggestion);
		return suggestion;
	}

	/** The latest suggestions, for analysts. */
	@Transactional(readOnly = true)
	public List<Suggestion> latest() {
		return this.repository.latest(100);
	}

	/**
	 * A member was erased: their suggestions lose the link to them. Running it twice
	 * changes nothing more, so a redelivered event is harmless.
	 */
	@Transactional
	public int anonymise(String memberId) {
		return this.repository.anonymise(memberId, this.clock.instant());
	}

	private static boolean isWebAddress(String address) {
		if (address.isEmpty() || address.length() > MAX_URL || Problems.hasNul(address)) {
			return false;
		}
		try {
			URI uri = new URI(address);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
