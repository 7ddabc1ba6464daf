package org.biochemsec2030.network.application;

import java.util.Optional;

import org.biochemsec2030.network.application.ApplicationStatus.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every step from every state: the allowed ones and the refused ones. */
class ApplicationStatusTests {

	@ParameterizedTest
	@CsvSource({ "VERIFY, UNVERIFIED, PENDING", "VERIFY, PENDING, ", "VERIFY, APPROVED, ", "VERIFY, REJECTED, ",
			"APPROVE, UNVERIFIED, ", "APPROVE, PENDING, APPROVED", "APPROVE, APPROVED, ", "APPROVE, REJECTED, ",
			"REJECT, UNVERIFIED, ", "REJECT, PENDING, REJECTED", "REJECT, APPROVED, ", "REJECT, REJECTED, " })
	void eachStepIsAllowedFromOneStateOnly(Step step, ApplicationStatus from, ApplicationStatus to) {
		assertThat(step.from(from)).isEqualTo(Optional.ofNullable(to));
	}

	@ParameterizedTest
	@CsvSource({ "UNVERIFIED, true", "PENDING, true", "APPROVED, false", "REJECTED, false" })
	void openApplicationsHoldTheirAddress(ApplicationStatus status, boolean open) {
		assertThat(status.open()).isEqualTo(open);
	}

}
