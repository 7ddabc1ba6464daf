package org.biochemsec2030.publishing.paper;

import java.time.Instant;
import java.util.UUID;

/** The paper row: workflow state and the numbers readers see. Never on the wire. */
record Paper(UUID id, String slug, PaperState state, int workingVersion, Integer publishedVersion, Integer seriesNumber,
		Instant scheduledAt, Instant firstPublishedAt, Instant withdrawnAt, String withdrawalNotice, Instant createdAt,
		Instant updatedAt, String createdBy) {

	boolean everPublished() {
		return this.publishedVersion != null;
	}

	Paper withState(PaperState next, Instant now) {
		return new Paper(this.id, this.slug, next, this.workingVersion, this.publishedVersion, this.seriesNumber,
				(next == PaperState.SCHEDULED) ? this.scheduledAt : null, this.firstPublishedAt, this.withdrawnAt,
				this.withdrawalNotice, this.createdAt, now, this.createdBy);
	}

}
