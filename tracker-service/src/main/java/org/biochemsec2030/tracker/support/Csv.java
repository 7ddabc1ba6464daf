package org.biochemsec2030.tracker.support;

import java.util.List;

/** RFC 4180 CSV lines for the tracker's downloads, safe to open in a spreadsheet. */
public final class Csv {

	public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

	private Csv() {
	}

	/** One line, ending in CRLF as RFC 4180 asks. */
	public static String line(List<String> cells) {
		return String.join(",", cells.stream().map(Csv::cell).toList()) + "\r\n";
	}

	/**
	 * A cell quoted when it must be, and one starting with a formula character prefixed
	 * with an apostrophe: titles come from feeds, and a spreadsheet must show them as
	 * text rather than run them.
	 */
	static String cell(String value) {
		String text = (value != null) ? value : "";
		String cell = (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) ? "'" + text : text;
		if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
			return "\"" + cell.replace("\"", "\"\"") + "\"";
		}
		return cell;
	}

}
