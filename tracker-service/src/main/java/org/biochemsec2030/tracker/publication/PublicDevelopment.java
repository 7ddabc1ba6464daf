package org.biochemsec2030.tracker.publication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A published development as readers see it: what the hazard gate lets out and nothing
 * more. For a development flagged as an information hazard the summary is the reviewed
 * public summary and the evidence and measures are empty.
 *
 * @param fields topic slugs of the fields the analysts placed it in
 * @param regimes regime codes it was judged relevant to
 * @param implications implication keys ({@code risk}, {@code governance-need})
 * @param maturity the analysts' TRLs, lowest and highest
 * @param disagreements where the analysts disagree, without naming them
 * @param evidence the reports it rests on; empty under the hazard flag
 */
public record PublicDevelopment(UUID id, String slug, String title, String summary, String url, Instant publishedAt,
		Instant updatedAt, List<String> fields, List<String> regimes, List<String> implications, Maturity maturity,
		int assessors, List<String> disagreements, List<String> hardMeasures, List<String> softMeasures,
		List<Evidence> evidence) {

	/** The range of the analysts' TRLs (1 to 9). */
	public record Maturity(int min, int max) {

		public String label() {
			return (this.min == this.max) ? "TRL " + this.min : "TRL " + this.min + "–" + this.max;
		}

	}

	/** One report of an item, linked at its source. */
	public record Evidence(String title, String url, String source) {
	}

}
