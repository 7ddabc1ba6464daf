package org.biochemsec2030.tracker.watchlist;

import java.util.List;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.tracker.support.Analysts;
import org.biochemsec2030.tracker.support.NotFound;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Watchlists: a signed-in member's own ({@code /me/watchlist}), and partners' (set by
 * analysts for the partners publishing-service registers).
 */
@RestController
class WatchlistController {

	private static final String BASE = "/api/tracker/v1";

	private final WatchlistService watchlists;

	WatchlistController(WatchlistService watchlists) {
		this.watchlists = watchlists;
	}

	record WatchlistInput(List<String> fields, List<String> regimes) {
	}

	@GetMapping(BASE + "/me/watchlist")
	@PreAuthorize("isAuthenticated()")
	Watchlist mine() {
		return this.watchlists.find(WatchlistService.MEMBER, member())
			.orElseThrow(() -> new NotFound("You watch nothing yet"));
	}

	@PutMapping(BASE + "/me/watchlist")
	@PreAuthorize("isAuthenticated()")
	Watchlist saveMine(@RequestBody WatchlistInput input) {
		return this.watchlists.save(WatchlistService.MEMBER, member(), input.fields(), input.regimes());
	}

	@GetMapping(BASE + "/analysis/watchlists/partners/{partnerId}")
	@PreAuthorize(Analysts.ONLY)
	Watchlist partner(@PathVariable String partnerId) {
		return this.watchlists.find(WatchlistService.PARTNER, partnerId)
			.orElseThrow(() -> new NotFound("This partner watches nothing yet"));
	}

	@PutMapping(BASE + "/analysis/watchlists/partners/{partnerId}")
	@PreAuthorize(Analysts.ONLY)
	Watchlist savePartner(@PathVariable String partnerId, @RequestBody WatchlistInput input) {
		return this.watchlists.save(WatchlistService.PARTNER, partnerId, input.fields(), input.regimes());
	}

	private static String member() {
		return Actor.current().orElseThrow().id();
	}

}
