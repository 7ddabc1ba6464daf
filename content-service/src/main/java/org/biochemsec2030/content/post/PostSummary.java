package org.biochemsec2030.content.post;

import java.time.Instant;
import java.util.List;

/** A published post in a public list (home page, blog index). */
public record PostSummary(String id, String slug, String title, String summary, String url, Instant publishedAt,
		Instant updatedAt, List<String> authors, List<String> topics, List<String> regimes, List<String> tags,
		PostInput.CoverImage coverImage) {

}
