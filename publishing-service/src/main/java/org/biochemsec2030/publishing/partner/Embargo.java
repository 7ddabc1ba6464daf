package org.biochemsec2030.publishing.partner;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * The embargo rule. An event may carry {@code embargo_until} (an RFC 3339 time) in its
 * data: until then only trusted partners may see it; everyone else, the pull log and its
 * feed from then on. An embargo that cannot be read is not guessed at: the event is
 * refused, and the consumer's retries put it on the dead-letter topic for an operator,
 * rather than showing it early or holding it for ever.
 */
record Embargo(Optional<Instant> until) {

	static final String FIELD = "embargo_until";

	static final Embargo NONE = new Embargo(Optional.empty());

	static Embargo of(JsonNode data) {
		JsonNode value = data.path(FIELD);
		if (value.isMissingNode() || value.isNull()) {
			return NONE;
		}
		if (!value.isString()) {
			throw new InvalidEmbargo("'" + FIELD + "' must be a time such as 2026-12-01T09:00:00Z, not " + value);
		}
		try {
			return new Embargo(Optional.of(OffsetDateTime.parse(value.asString()).toInstant()));
		}
		catch (DateTimeParseException ex) {
			throw new InvalidEmbargo(
					"'" + FIELD + "' must be a time such as 2026-12-01T09:00:00Z, not '" + value.asString() + "'");
		}
	}

	/** Whether anyone may see the event at {@code now}. */
	boolean isPublic(Instant now) {
		return this.until.isEmpty() || !this.until.get().isAfter(now);
	}

	/** The earliest time a delivery may go to a partner. */
	Instant deliverAt(boolean trusted, Instant now) {
		return (trusted || isPublic(now)) ? now : this.until.get();
	}

	/** An {@code embargo_until} that is not a time. */
	static final class InvalidEmbargo extends IllegalArgumentException {

		InvalidEmbargo(String message) {
			super(message);
		}

	}

}
