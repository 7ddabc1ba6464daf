package org.biochemsec2030.publishing.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The review side of a paper, as staff see it and write it. */
public final class Review {

	private Review() {
	}

	/** A review round on one version, with its reviewers. */
	public record Round(int number, int version, Instant openedAt, Instant closedAt, String outcome,
			List<Assignment> assignments) {

	}

	/**
	 * A reviewer assigned in a round.
	 *
	 * @param conflict a conflict-of-interest warning (the reviewer shares an affiliation
	 * with an author, or is one), or null
	 * @param recommendation ACCEPT, MINOR_REVISIONS, MAJOR_REVISIONS or REJECT once
	 * reviewed
	 */
	public record Assignment(UUID id, int round, String reviewerId, String name, String email, String affiliation,
			LocalDate dueOn, String conflict, String recommendation, String comments, Instant reviewedAt,
			Instant assignedAt) {

	}

	/**
	 * An assignment of an open round, with the paper it is for (the admin tool's list).
	 */
	public record Open(UUID paperId, String slug, String title, Assignment assignment) {

	}

	/** The dual-use review's decision on one version. */
	public record DualUse(int version, String decision, String rationale, Instant decidedAt, String decidedBy) {

	}

	/** One workflow step taken. */
	public record HistoryEntry(String step, String from, String to, int version, String note, Instant at, String by) {

	}

	/** A reviewer to assign: a member (by user id) or anyone by name and address. */
	public record AssignInput(@Size(max = 100) String reviewerId,
			@NotBlank(message = "give the reviewer's name") @Size(max = 200) String name,
			@Email(message = "give a mail address such as reviewer@example.org") @Size(max = 300) String email,
			@Size(max = 300) String affiliation,
			@NotNull(message = "give the date the review is due, e.g. 2030-05-04") LocalDate dueOn) {

	}

	public enum Recommendation {

		ACCEPT, MINOR_REVISIONS, MAJOR_REVISIONS, REJECT

	}

	public record ReviewInput(@NotNull(
			message = "recommend ACCEPT, MINOR_REVISIONS, MAJOR_REVISIONS or REJECT") Recommendation recommendation,
			@Size(max = 20_000) String comments) {

	}

	public enum Decision {

		CLEAR, REVISE

	}

	public record DualUseInput(@NotNull(message = "decide CLEAR or REVISE") Decision decision,
			@NotBlank(message = "record the rationale of the decision") @Size(max = 10_000) String rationale) {

	}

	/** A note to the authors with a step (what to revise). */
	public record NoteInput(@Size(max = 10_000) String note) {

	}

	/** Withdrawal: the notice readers see in place of the paper's availability. */
	public record WithdrawInput(
			@NotBlank(message = "write the notice readers will see") @Size(max = 5000) String notice) {

	}

	/**
	 * @param at when to publish
	 * @param embargo whether to announce a first publication to trusted partners now,
	 * under embargo until {@code at} (default no)
	 */
	public record ScheduleInput(@NotNull(message = "give the time to publish at, e.g. 2030-05-04T09:00:00Z") Instant at,
			Boolean embargo) {

	}

}
