package org.biochemsec2030.tracker.watchlist;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one member or partner watches.
 *
 * @param ownerKind member or partner
 * @param ownerId a member's account id, or a partner's id in publishing-service
 * @param fields topic slugs; {@code regimes} regime codes
 */
public record Watchlist(UUID id, String ownerKind, String ownerId, List<String> fields, List<String> regimes,
		Instant updatedAt) {

	public Watchlist {
		fields = List.copyOf(fields);
		regimes = List.copyOf(regimes);
	}

	/**
	 * Whether a development in these fields and regimes is one to be alerted about: it
	 * matches every kind the watchlist names (a field of those watched, if any; a regime
	 * of those watched, if any). An empty watchlist matches nothing.
	 */
	boolean matches(List<String> developmentFields, List<String> developmentRegimes) {
		if (this.fields.isEmpty() && this.regimes.isEmpty()) {
			return false;
		}
		return (this.fields.isEmpty() || developmentFields.stream().anyMatch(this.fields::contains))
				&& (this.regimes.isEmpty() || developmentRegimes.stream().anyMatch(this.regimes::contains));
	}

}
