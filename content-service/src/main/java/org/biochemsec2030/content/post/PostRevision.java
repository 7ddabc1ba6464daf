package org.biochemsec2030.content.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One kept version of a post's text. */
record PostRevision(UUID postId, int number, String title, String summary, String body, String html,
		List<String> authors, List<String> topics, List<String> regimes, List<String> tags, String coverImage,
		String coverAlt, boolean materialChange, String correctionNote, Integer restoredFrom, Instant createdAt,
		String createdBy, String createdByName) {

	PostInput.CoverImage cover() {
		return (this.coverImage != null) ? new PostInput.CoverImage(this.coverImage, this.coverAlt) : null;
	}

	/** The revision as lines of text, for comparing two of them. */
	List<String> asLines() {
		List<String> lines = new java.util.ArrayList<>();
		lines.add("Title: " + this.title);
		lines.add("Summary: " + this.summary);
		lines.add("Authors: " + String.join(", ", this.authors));
		lines.add("Topics: " + String.join(", ", this.topics));
		lines.add("Regimes: " + String.join(", ", this.regimes));
		lines.add("Tags: " + String.join(", ", this.tags));
		lines.add("Cover image: " + ((this.coverImage != null) ? this.coverImage + " (" + this.coverAlt + ")" : ""));
		lines.add("");
		lines.addAll(this.body.lines().toList());
		return lines;
	}

}
