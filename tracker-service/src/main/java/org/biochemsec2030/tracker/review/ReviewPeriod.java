package org.biochemsec2030.tracker.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.platform.taxonomy.Taxonomy;
import org.biochemsec2030.tracker.support.InvalidInput;

/**
 * What an S&T review covers: one regime and the days from {@code from} to {@code to},
 * both included, in UTC. Its address is made of these three alone, so the same review is
 * always found at the same address.
 */
record ReviewPeriod(Regime regime, LocalDate from, LocalDate to) {

	/** Checked as typed into the form or an address; every problem named by its field. */
	static ReviewPeriod of(String regime, String from, String to) {
		List<InvalidInput.FieldProblem> problems = new ArrayList<>();
		Regime chosen = null;
		if (regime == null || regime.isBlank()) {
			problems.add(new InvalidInput.FieldProblem("regime", "choose a regime: " + Taxonomy.REGIME_CHOICES));
		}
		else {
			chosen = Regime.byCode(regime).orElse(null);
			if (chosen == null) {
				problems.add(new InvalidInput.FieldProblem("regime", "'" + Taxonomy.shownValue(regime)
						+ "' is not a regime; use one of " + Taxonomy.REGIME_CHOICES));
			}
		}
		LocalDate start = date("from", from, problems);
		LocalDate end = date("to", to, problems);
		if (start != null && end != null && end.isBefore(start)) {
			problems.add(new InvalidInput.FieldProblem("to", "end the period on or after its first day"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new ReviewPeriod(chosen, start, end);
	}

	private static LocalDate date(String field, String value, List<InvalidInput.FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new InvalidInput.FieldProblem(field, "give a date as YYYY-MM-DD"));
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value.strip());
			if (date.getYear() < 1970 || date.getYear() > 9999) {
				problems.add(new InvalidInput.FieldProblem(field, "give a year from 1970 to 9999"));
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			problems.add(new InvalidInput.FieldProblem(field,
					"'" + Taxonomy.shownValue(value) + "' is not a date; write it as YYYY-MM-DD"));
			return null;
		}
	}

	/** The review's stable id: {@code BWC-2026-01-01-2026-06-30}. */
	String id() {
		return this.regime.code() + "-" + this.from + "-" + this.to;
	}

	/** Its address on the site, without a format: the HTML report. */
	String path() {
		return "/tracker/review/" + this.regime.code() + "/" + this.from + "/" + this.to;
	}

	Instant start() {
		return this.from.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The first instant after the period. */
	Instant end() {
		return this.to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
