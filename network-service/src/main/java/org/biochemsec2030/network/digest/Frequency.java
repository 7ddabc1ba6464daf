package org.biochemsec2030.network.digest;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** How often a member gets their digest. */
public enum Frequency {

	DAILY("daily", Duration.ofDays(1)), WEEKLY("weekly", Duration.ofDays(7)), MONTHLY("monthly", Duration.ofDays(30));

	private final String code;

	private final Duration period;

	Frequency(String code, Duration period) {
		this.code = code;
		this.period = period;
	}

	public String code() {
		return this.code;
	}

	Duration period() {
		return this.period;
	}

	public static Optional<Frequency> byCode(String code) {
		return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
	}

}
