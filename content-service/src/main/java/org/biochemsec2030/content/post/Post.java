package org.biochemsec2030.content.post;

import java.time.Instant;
import java.util.UUID;

import org.biochemsec2030.content.support.Status;

/** A post's workflow row (the text is in its revisions). */
record Post(UUID id, String slug, Status status, int headRevision, Integer liveRevision, boolean stagedInReview,
		Instant scheduledAt, Instant publishedAt, Instant firstPublishedAt, Instant updatedAt, Instant createdAt,
		String createdBy) {

	boolean hasStagedRevision() {
		return this.status == Status.PUBLISHED && this.liveRevision != null && this.headRevision != this.liveRevision;
	}

	boolean everPublished() {
		return this.firstPublishedAt != null;
	}

	String url() {
		return "/blog/" + this.slug;
	}

}
