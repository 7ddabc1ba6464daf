package org.biochemsec2030.network.application;

import java.util.Arrays;
import java.util.Optional;

/** Career stages an applicant chooses from; the code is stored. */
public enum CareerStage {

	STUDENT("student", "Student"), DOCTORAL("doctoral", "Doctoral researcher"),
	EARLY_CAREER("early-career", "Early-career researcher"), MID_CAREER("mid-career", "Mid-career researcher"),
	SENIOR("senior", "Senior researcher"), PRACTITIONER("practitioner", "Practitioner outside research");

	private final String code;

	private final String label;

	CareerStage(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	public static Optional<CareerStage> byCode(String code) {
		return Arrays.stream(values()).filter(s -> s.code.equals(code == null ? "" : code.trim())).findFirst();
	}

}
