package org.biochemsec2030.contracts.content;

import java.time.Instant;
import java.util.List;

import org.biochemsec2030.contracts.EventContract;

/**
 * A blog post became public. Authors are not named: the data goes to partners as it is.
 */
public record PostPublished(String postId, String slug, String title, String summary, String url, List<String> topics,
		Instant publishedAt) implements EventContract {

	public static final String TYPE = "org.biochemsec2030.content.post.published.v1";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return postId;
	}

}
