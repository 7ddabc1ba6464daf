package org.biochemsec2030.tracker.trends;

import java.util.Locale;

/**
 * Charts drawn on the server as SVG, so the trends page needs no script (the site's CSP
 * allows none inline) and works as a picture, a printout and for a screen reader alike.
 * Each chart names itself with a title and a description, prints every count as a number,
 * and is followed on the page by the same series as a table: colour never carries a value
 * on its own. Colours are fixed on a light ground of the chart's own, so it reads the
 * same in dark mode and in print.
 */
final class Charts {

	static final String INK = "#1b1b1b";

	static final String BAR = "#2b5d8a";

	static final String GROUND = "#ffffff";

	static final String RULE = "#8a8a8a";

	private static final int LABEL_WIDTH = 260;

	/**
	 * Bars are drawn for at least this many columns, so a chart of a few quarters is not
	 * blown up to the page width with letters to match.
	 */
	private static final int MIN_COLUMNS = 12;

	private static final int HEAT_LABEL_WIDTH = 290;

	private static final int ROW_HEIGHT = 46;

	private static final int COLUMN_WIDTH = 34;

	private static final int CELL_WIDTH = 92;

	private static final int CELL_HEIGHT = 40;

	private Charts() {
	}

	/**
	 * Small multiples: a row of bars per series row, all on one scale, so fields are
	 * compared by length alone and need no legend.
	 */
	static String bars(Series series) {
		int columns = series.columns().size();
		int width = LABEL_WIDTH + Math.max(columns, MIN_COLUMNS) * COLUMN_WIDTH + 10;
		int axis = series.rows().size() * ROW_HEIGHT;
		int height = axis + 42;
		int max = series.max();
		StringBuilder svg = open(series, width, height);
		for (int r = 0; r < series.rows().size(); r++) {
			Series.Row row = series.rows().get(r);
			int base = (r + 1) * ROW_HEIGHT;
			svg.append(text(8, base - 14, "start", 14, row.label() + " (" + row.total() + ")"));
			svg.append(line(LABEL_WIDTH, base, LABEL_WIDTH + columns * COLUMN_WIDTH, base));
			for (int c = 0; c < columns; c++) {
				int count = row.counts().get(c);
				if (count == 0) {
					continue;
				}
				int barHeight = Math.max(2, Math.round((ROW_HEIGHT - 18) * (float) count / max));
				int x = LABEL_WIDTH + c * COLUMN_WIDTH + 4;
				svg.append(rect(x, base - barHeight, COLUMN_WIDTH - 8, barHeight, BAR, 1, null));
				svg.append(
						text(x + (COLUMN_WIDTH - 8) / 2, base - barHeight - 3, "middle", 11, Integer.toString(count)));
			}
		}
		for (int c = 0; c < columns; c++) {
			String[] label = series.columnLabels().get(c).split(" ", 2);
			int x = LABEL_WIDTH + c * COLUMN_WIDTH + COLUMN_WIDTH / 2;
			svg.append(text(x, axis + 16, "middle", 11, label[0]));
			if (label.length > 1 && (c == 0 || label[0].equals("Q1"))) {
				svg.append(text(x, axis + 32, "middle", 11, label[1]));
			}
		}
		return svg.append("</svg>").toString();
	}

	/**
	 * A heat map: the darker a cell the more developments, and its count written in it
	 * (in white on the darker half of the scale, so it keeps its contrast).
	 */
	static String heatMap(Series series) {
		int columns = series.columns().size();
		int header = 150;
		int labels = HEAT_LABEL_WIDTH;
		// Room on the right for the last column's slanted heading.
		int width = labels + columns * CELL_WIDTH + 150;
		int height = header + series.rows().size() * CELL_HEIGHT + 10;
		int max = series.max();
		StringBuilder svg = open(series, width, height);
		for (int c = 0; c < columns; c++) {
			int x = labels + c * CELL_WIDTH + CELL_WIDTH / 2;
			svg.append("<text x=\"")
				.append(x)
				.append("\" y=\"")
				.append(header - 8)
				.append("\" font-size=\"12\" fill=\"")
				.append(INK)
				.append("\" transform=\"rotate(-35 ")
				.append(x)
				.append(' ')
				.append(header - 8)
				.append(")\">")
				.append(escape(series.columnLabels().get(c)))
				.append("</text>");
		}
		for (int r = 0; r < series.rows().size(); r++) {
			Series.Row row = series.rows().get(r);
			int y = header + r * CELL_HEIGHT;
			svg.append(text(8, y + CELL_HEIGHT / 2 + 5, "start", 12, row.label()));
			for (int c = 0; c < columns; c++) {
				int count = row.counts().get(c);
				double strength = (double) count / max;
				int x = labels + c * CELL_WIDTH;
				svg.append(rect(x + 1, y + 1, CELL_WIDTH - 2, CELL_HEIGHT - 2, (count == 0) ? GROUND : BAR,
						(count == 0) ? 1 : 0.15 + 0.85 * strength, RULE));
				svg.append(text(x + CELL_WIDTH / 2, y + CELL_HEIGHT / 2 + 5, "middle", 13, Integer.toString(count),
						(strength > 0.5) ? GROUND : INK));
			}
		}
		return svg.append("</svg>").toString();
	}

	private static StringBuilder open(Series series, int width, int height) {
		String id = series.id();
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
			.append(width)
			.append(' ')
			.append(height)
			.append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" aria-labelledby=\"")
			.append(id)
			.append("-title ")
			.append(id)
			.append("-desc\" font-family=\"system-ui, sans-serif\"><title id=\"")
			.append(id)
			.append("-title\">")
			.append(escape(series.title()))
			.append("</title><desc id=\"")
			.append(id)
			.append("-desc\">")
			.append(escape(series.description() + " The table after the chart gives every count."))
			.append("</desc>");
		svg.append(rect(0, 0, width, height, GROUND, 1, null));
		return svg;
	}

	private static StringBuilder rect(int x, int y, int width, int height, String fill, double opacity, String stroke) {
		StringBuilder rect = new StringBuilder("<rect x=\"").append(x)
			.append("\" y=\"")
			.append(y)
			.append("\" width=\"")
			.append(width)
			.append("\" height=\"")
			.append(height)
			.append("\" fill=\"")
			.append(fill)
			.append('"');
		if (opacity < 1) {
			rect.append(" fill-opacity=\"").append(String.format(Locale.ROOT, "%.2f", opacity)).append('"');
		}
		if (stroke != null) {
			rect.append(" stroke=\"").append(stroke).append('"');
		}
		return rect.append("/>");
	}

	private static String line(int x1, int y1, int x2, int y2) {
		return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"" + RULE
				+ "\"/>";
	}

	private static String text(int x, int y, String anchor, int size, String text) {
		return text(x, y, anchor, size, text, INK);
	}

	private static String text(int x, int y, String anchor, int size, String text, String fill) {
		return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size + "\" fill=\""
				+ fill + "\">" + escape(text) + "</text>";
	}

	/** Text as SVG character data or an attribute value. */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char ch : text.toCharArray()) {
			switch (ch) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(ch);
			}
		}
		return escaped.toString();
	}

	/** The chart for a series: a heat map for regimes by field, bars for the rest. */
	static String of(Series series) {
		return Trends.REGIMES_BY_FIELD.equals(series.id()) ? heatMap(series) : bars(series);
	}

}
