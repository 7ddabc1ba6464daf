package org.biochemsec2030.content.post;

import java.time.Instant;
import java.util.List;

import org.biochemsec2030.content.support.Status;

/**
 * A post as editors see it: its workflow state and its newest revision. For a published
 * post with {@code staged} true, the newest revision waits for review (or is in review,
 * {@code stagedInReview}) while {@code liveRevision} stays up.
 */
public record EditorialPost(String id, String slug, String url, Status status, int headRevision, Integer liveRevision,
		boolean staged, boolean stagedInReview, Instant scheduledAt, Instant publishedAt, Instant updatedAt,
		String title, String summary, String body, String html, List<String> authors, List<String> topics,
		List<String> regimes, List<String> tags, PostInput.CoverImage coverImage) {

}
