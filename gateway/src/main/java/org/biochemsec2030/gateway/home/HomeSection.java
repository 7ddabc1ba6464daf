package org.biochemsec2030.gateway.home;

import java.util.List;

/**
 * What the home page shows for one part of the site: its entries, a friendly line when
 * there are none yet, or a notice that the service behind it is not answering.
 */
public record HomeSection(String key, String heading, String moreUrl, String moreLabel, State state,
		List<Entry> entries, String message) {

	public enum State {

		ITEMS, EMPTY, UNAVAILABLE

	}

	/**
	 * One line of a section. {@code url} is null when the service sent no usable site
	 * path; {@code time} is ISO-8601 for {@code <time datetime>}, {@code timeText} the
	 * same in words.
	 */
	public record Entry(String title, String url, String summary, String time, String timeText, String location) {
	}

	public boolean hasItems() {
		return this.state == State.ITEMS;
	}

	public boolean isUnavailable() {
		return this.state == State.UNAVAILABLE;
	}

}
