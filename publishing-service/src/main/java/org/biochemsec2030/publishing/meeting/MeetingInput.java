package org.biochemsec2030.publishing.meeting;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record MeetingInput(@NotBlank(message = "give the meeting an address name such as bwc-msp-2026") @Pattern(
		regexp = "[a-z0-9]+(-[a-z0-9]+)*",
		message = "use lower-case letters, digits and single hyphens, e.g. bwc-msp-2026") @Size(max = 80) String slug,
		@NotBlank(message = "give the meeting's name") @Size(max = 300) String name,
		@NotBlank(message = "name the regime: BWC, CWC, 1540 or 2118") String regime,
		@NotNull(message = "give the first day, e.g. 2026-12-14") LocalDate startsOn,
		@NotNull(message = "give the last day, e.g. 2026-12-16") LocalDate endsOn,
		@NotBlank(message = "say where it meets, e.g. Geneva") @Size(max = 200) String place) {

}
