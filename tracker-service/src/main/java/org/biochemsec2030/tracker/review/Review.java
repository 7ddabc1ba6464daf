package org.biochemsec2030.tracker.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.biochemsec2030.tracker.publication.PublicDevelopment;
import org.biochemsec2030.tracker.support.Csv;

/**
 * An S&T review export: the published developments relevant to one regime that sources
 * reported in a period, each as the public sees it (so the information-hazard gate has
 * already decided what is in it), with addresses that a briefing paper can cite.
 *
 * @param id stable: the regime and the period ({@code BWC-2026-01-01-2026-06-30})
 * @param url the HTML report; {@code csv} and {@code json} the same as data
 * @param citation how to cite the review as a whole
 */
public record Review(String id, String title, String regime, String regimeName, LocalDate from, LocalDate to,
		String url, String csv, String json, String citation, List<Entry> developments) {

	public Review {
		developments = List.copyOf(developments);
	}

	/**
	 * One development in the review.
	 *
	 * @param id the development's id, which never changes
	 * @param url its page on the site, which never moves (its slug is fixed when it is
	 * made)
	 * @param anchor its place in this review's HTML report
	 * @param reportedOn the day a source first reported it
	 * @param fields topic slugs; {@code regimes} codes; {@code implications} keys
	 * @param evidence the reports it rests on; empty for an information hazard
	 */
	public record Entry(UUID id, String slug, String title, String url, String anchor, LocalDate reportedOn,
			Instant publishedAt, Instant updatedAt, String summary, List<String> fields, List<String> regimes,
			List<String> implications, PublicDevelopment.Maturity maturity, int assessors, List<String> disagreements,
			List<String> hardMeasures, List<String> softMeasures, List<PublicDevelopment.Evidence> evidence,
			String citation) {
	}

	static final List<String> CSV_HEADER = List.of("id", "title", "url", "reported_on", "published_at", "updated_at",
			"fields", "regimes", "implications", "trl_min", "trl_max", "assessors", "summary", "disagreements",
			"hard_measures", "soft_measures", "evidence", "citation");

	/** As CSV: a line per development; lists within a cell are separated by " | ". */
	String asCsv() {
		StringBuilder csv = new StringBuilder(Csv.line(CSV_HEADER));
		for (Entry entry : this.developments) {
			List<String> cells = new ArrayList<>();
			cells.add(entry.id().toString());
			cells.add(entry.title());
			cells.add(entry.url());
			cells.add(entry.reportedOn().toString());
			cells.add(String.valueOf(entry.publishedAt()));
			cells.add(String.valueOf(entry.updatedAt()));
			cells.add(joined(entry.fields()));
			cells.add(joined(entry.regimes()));
			cells.add(joined(entry.implications()));
			cells.add(Integer.toString(entry.maturity().min()));
			cells.add(Integer.toString(entry.maturity().max()));
			cells.add(Integer.toString(entry.assessors()));
			cells.add(entry.summary());
			cells.add(joined(entry.disagreements()));
			cells.add(joined(entry.hardMeasures()));
			cells.add(joined(entry.softMeasures()));
			cells.add(joined(entry.evidence().stream().map(PublicDevelopment.Evidence::url).toList()));
			cells.add(entry.citation());
			csv.append(Csv.line(cells));
		}
		return csv.toString();
	}

	private static String joined(List<String> values) {
		return String.join(" | ", values);
	}

}
