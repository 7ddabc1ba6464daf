package org.biochemsec2030.tracker.trends;

import java.util.ArrayList;
import java.util.List;

import org.biochemsec2030.tracker.support.Csv;

/**
 * One downloadable series: a table of counts with a row per field, regime or maturity
 * band and a column per quarter or field. The chart, its table alternative, the CSV and
 * the JSON are all made from it, so they cannot tell different stories.
 *
 * @param id stable, used in addresses ({@code /tracker/trends/fields-by-quarter.csv})
 * @param rowHeading what the rows are ("Field")
 * @param columns the column keys, as written in the CSV header
 * @param columnLabels the same as readers see them
 */
public record Series(String id, String title, String description, String rowHeading, List<String> columns,
		List<String> columnLabels, List<Row> rows) {

	public Series {
		columns = List.copyOf(columns);
		columnLabels = List.copyOf(columnLabels);
		rows = List.copyOf(rows);
	}

	/**
	 * @param key stable, as in the CSV ({@code genome-editing}, {@code BWC})
	 * @param label as readers see it
	 * @param counts one per column
	 */
	public record Row(String key, String label, List<Integer> counts) {

		public Row {
			counts = List.copyOf(counts);
		}

		public int total() {
			return this.counts.stream().mapToInt(Integer::intValue).sum();
		}

	}

	/** The largest count in the table, at least 1 so scales never divide by zero. */
	int max() {
		int max = this.rows.stream().flatMap(row -> row.counts().stream()).mapToInt(Integer::intValue).max().orElse(0);
		return Math.max(1, max);
	}

	boolean isEmpty() {
		return this.rows.stream().allMatch(row -> row.total() == 0);
	}

	/**
	 * As CSV: a header of the row key, the row label and the columns, then a line per
	 * row.
	 */
	String csv() {
		List<String> header = new ArrayList<>(List.of("key", "label"));
		header.addAll(this.columns);
		StringBuilder csv = new StringBuilder(Csv.line(header));
		for (Row row : this.rows) {
			List<String> cells = new ArrayList<>(List.of(row.key(), row.label()));
			row.counts().forEach(count -> cells.add(Integer.toString(count)));
			csv.append(Csv.line(cells));
		}
		return csv.toString();
	}

}
