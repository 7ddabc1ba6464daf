package org.biochemsec2030.tracker.trends;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A calendar quarter in UTC, the unit trends are counted in: fine enough to show a field
 * speeding up, coarse enough that a handful of developments still draws a shape.
 */
record Quarter(int year, int quarter) implements Comparable<Quarter> {

	Quarter {
		if (quarter < 1 || quarter > 4) {
			throw new IllegalArgumentException("A quarter is 1 to 4, not " + quarter);
		}
	}

	static Quarter of(Instant instant) {
		ZonedDateTime at = instant.atZone(ZoneOffset.UTC);
		return new Quarter(at.getYear(), (at.getMonthValue() - 1) / 3 + 1);
	}

	Quarter next() {
		return (this.quarter == 4) ? new Quarter(this.year + 1, 1) : new Quarter(this.year, this.quarter + 1);
	}

	/** Every quarter from {@code first} to {@code last}, both included. */
	static List<Quarter> range(Quarter first, Quarter last) {
		List<Quarter> quarters = new ArrayList<>();
		for (Quarter q = first; q.compareTo(last) <= 0; q = q.next()) {
			quarters.add(q);
		}
		return quarters;
	}

	/** How it is written in files and column headings: {@code 2026-Q1}. */
	String key() {
		return this.year + "-Q" + this.quarter;
	}

	@Override
	public int compareTo(Quarter other) {
		return (this.year != other.year) ? Integer.compare(this.year, other.year)
				: Integer.compare(this.quarter, other.quarter);
	}

}
