package org.biochemsec2030.network.application;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an application stands, and the one table of the steps between: the address is
 * confirmed by its link, or the application expires unconfirmed; a coordinator approves
 * or rejects a confirmed one. Nothing else moves an application.
 */
public enum ApplicationStatus {

	UNVERIFIED, PENDING, APPROVED, REJECTED;

	/** The steps, each from the one state that allows it to the state it leads to. */
	public enum Step {

		VERIFY(UNVERIFIED, PENDING), APPROVE(PENDING, APPROVED), REJECT(PENDING, REJECTED);

		private final ApplicationStatus from;

		private final ApplicationStatus to;

		Step(ApplicationStatus from, ApplicationStatus to) {
			this.from = from;
			this.to = to;
		}

		/** The state after this step, or empty when {@code current} does not allow it. */
		public Optional<ApplicationStatus> from(ApplicationStatus current) {
			return (current == this.from) ? Optional.of(this.to) : Optional.empty();
		}

	}

	/** Open applications hold their address: a second one for it is not made. */
	public boolean open() {
		return this == UNVERIFIED || this == PENDING;
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ApplicationStatus> byCode(String code) {
		return Arrays.stream(values())
			.filter(s -> s.code().equalsIgnoreCase(code == null ? "" : code.trim()))
			.findFirst();
	}

}
