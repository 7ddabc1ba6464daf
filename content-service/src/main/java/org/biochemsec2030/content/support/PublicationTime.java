package org.biochemsec2030.content.support;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * When a post or mini-post may be scheduled: after now and at most
 * {@link #MAX_AHEAD_YEARS} years ahead, a bound far beyond any plan and far inside what
 * the database stores and a date picker writes (four-digit years). A time such as
 * {@code +999999999-12-31T23:59:59Z}, which Java reads, is out of the database's range (a
 * 500 before this rule).
 */
public final class PublicationTime {

	public static final int MAX_AHEAD_YEARS = 100;

	private static final Duration MAX_AHEAD = Duration.ofDays(365L * MAX_AHEAD_YEARS + MAX_AHEAD_YEARS / 4);

	private PublicationTime() {
	}

	/** The instant to schedule at, or null to publish now (no {@code at}). */
	public static Instant scheduled(OffsetDateTime at, Instant now) {
		if (at == null) {
			return null;
		}
		Instant instant = at.toInstant();
		if (!instant.isAfter(now)) {
			throw InvalidInput.of("at", "pick a time in the future to schedule, or leave 'at' out to publish now");
		}
		Instant latest = now.plus(MAX_AHEAD);
		if (instant.isAfter(latest)) {
			throw InvalidInput.of("at", "pick a time at most " + MAX_AHEAD_YEARS + " years ahead (before "
					+ DateTimeFormatter.ISO_LOCAL_DATE.format(latest.atOffset(ZoneOffset.UTC)) + ")");
		}
		return instant;
	}

}
