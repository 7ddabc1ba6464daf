package org.biochemsec2030.network.application;

import java.util.List;

/**
 * An application as the applicant sends it (the form's fields, or the API's JSON).
 *
 * @param codeOfConduct the version of the code of conduct agreed to (empty if not)
 * @param consents the purposes agreed to, each with the version of its text
 * @param submission a key the form (or client) makes once: sending the same application
 * again with it has no second effect
 */
public record ApplicationInput(String givenName, String familyName, String email, String affiliation, String discipline,
		String careerStage, String country, List<String> interests, String orcid, String statement,
		String codeOfConduct, List<ConsentChoice> consents, String submission) {

	/** One purpose agreed to, with the version of the text shown. */
	public record ConsentChoice(String purpose, String version) {

	}

	public List<String> interests() {
		return (this.interests != null) ? this.interests : List.of();
	}

	public List<ConsentChoice> consents() {
		return (this.consents != null) ? this.consents : List.of();
	}

}
