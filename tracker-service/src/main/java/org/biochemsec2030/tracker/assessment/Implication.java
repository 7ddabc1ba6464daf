package org.biochemsec2030.tracker.assessment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a development means for the regimes; an assessment names one or more. */
public enum Implication {

	RISK("risk", "Risk"), BENEFIT("benefit", "Benefit"),
	VERIFICATION_OPPORTUNITY("verification-opportunity", "Verification or compliance opportunity"),
	GOVERNANCE_NEED("governance-need", "Governance need");

	private final String key;

	private final String label;

	Implication(String key, String label) {
		this.key = key;
		this.label = label;
	}

	public String key() {
		return this.key;
	}

	public String label() {
		return this.label;
	}

	static Optional<Implication> byKey(String key) {
		if (key == null) {
			return Optional.empty();
		}
		String wanted = key.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(i -> i.key.equals(wanted)).findFirst();
	}

	static String choices() {
		return String.join(", ", Arrays.stream(values()).map(Implication::key).toList());
	}

}
