package org.biochemsec2030.content.post;

import java.time.Instant;
import java.util.List;

/**
 * A published post as readers see it: the live revision, rendered, with its public
 * corrections.
 */
public record PostView(String id, String slug, String title, String summary, String url, String canonicalUrl,
		String html, Instant publishedAt, Instant updatedAt, List<String> authors, List<String> topics,
		List<String> regimes, List<String> tags, PostInput.CoverImage coverImage, List<Correction> corrections) {

	/** A public note that the text changed materially, and when. */
	public record Correction(String note, Instant correctedAt) {

	}

}
