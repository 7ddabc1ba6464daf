package org.biochemsec2030.network.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An application as staff see it in the review queue: everything the applicant sent, its
 * state and, once approved, whether the member's account exists yet.
 *
 * @param account {@code pending} while the account is still being made, {@code created}
 * once it exists, {@code null} before approval
 */
public record ApplicationView(UUID id, String status, String givenName, String familyName, String email,
		String affiliation, String discipline, String careerStage, String careerStageLabel, String country,
		String countryName, List<String> interests, String orcid, String statement, List<ConsentView> consents,
		Instant submittedAt, Instant verifiedAt, Instant decidedAt, String decidedBy, String decisionReason,
		String note, String account) {

	/** One consent of the ledger. */
	public record ConsentView(String purpose, String textVersion, Instant givenAt, String givenHow,
			Instant withdrawnAt) {

	}

	public String name() {
		return this.givenName + " " + this.familyName;
	}

}
