package org.biochemsec2030.publishing.paper;

import java.time.Instant;
import java.util.List;

/** A paper in a public list: its latest published version. */
public record PaperSummary(String id, String slug, String url, String title,
		@com.fasterxml.jackson.annotation.JsonProperty("abstract") String abstractText, List<String> authors,
		List<String> topics, List<String> regimes, String series, Integer seriesNumber, int version, String meeting,
		Instant publishedAt, boolean withdrawn) {

}
