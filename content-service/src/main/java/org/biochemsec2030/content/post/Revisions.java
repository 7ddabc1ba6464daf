package org.biochemsec2030.content.post;

import java.time.Instant;
import java.util.List;

/** The wire records of a post's revision history. */
public final class Revisions {

	private Revisions() {
	}

	/** One revision in the history: who wrote it and when. */
	public record Entry(int number, String title, Instant createdAt, String createdBy, boolean live,
			boolean materialChange, String correctionNote, Integer restoredFrom) {

	}

	/** One revision's full text. */
	public record Revision(int number, String title, String summary, String body, String html, List<String> authors,
			List<String> topics, List<String> regimes, List<String> tags, PostInput.CoverImage coverImage,
			Instant createdAt, String createdBy, boolean materialChange, String correctionNote) {

	}

	/**
	 * Two revisions compared line by line, as a unified diff and as a list of changes.
	 */
	public record Diff(int from, int to, String unified, List<Change> changes) {

	}

	/**
	 * One change: lines of {@code from} (1-based, at {@code fromLine}) replaced by lines
	 * of {@code to}.
	 */
	public record Change(String type, int fromLine, List<String> fromLines, int toLine, List<String> toLines) {

	}

}
