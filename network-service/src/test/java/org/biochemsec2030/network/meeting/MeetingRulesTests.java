package org.biochemsec2030.network.meeting;

import java.time.Instant;
import java.util.List;

import org.biochemsec2030.network.support.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MeetingRulesTests {

	private static MeetingInput input(String start, String end, String zone, String closes) {
		return new MeetingInput("Tracking developments", null, "Summary", "", List.of(" Dr A ", ""), start, end, zone,
				"Exeter", null, 10, closes, List.of("synthetic-biology"));
	}

	@Test
	void readsTimesAsTheClockShowsThemWhereTheMeetingIsHeld() {
		MeetingRules.Checked summer = MeetingRules
			.check(input("2030-07-01T14:00", "2030-07-01T17:00", "Europe/London", null));
		assertThat(summer.startsAt()).isEqualTo(Instant.parse("2030-07-01T13:00:00Z"));
		assertThat(summer.registrationClosesAt()).isEqualTo(summer.startsAt());
		assertThat(summer.slug()).isEqualTo("tracking-developments");
		assertThat(summer.speakers()).containsExactly("Dr A");
		MeetingRules.Checked winter = MeetingRules
			.check(input("2030-01-10T14:00", "2030-01-10T17:00", "Europe/London", null));
		assertThat(winter.startsAt()).isEqualTo(Instant.parse("2030-01-10T14:00:00Z"));
	}

	@Test
	void refusesAnEndBeforeTheStartARegistrationAfterItAndAnUnknownZone() {
		InvalidInput order = catchThrowableOfType(InvalidInput.class, () -> MeetingRules
			.check(input("2030-07-01T14:00", "2030-07-01T13:00", "Europe/London", "2030-07-02T10:00")));
		assertThat(order.problems()).extracting(InvalidInput.FieldProblem::field)
			.containsExactlyInAnyOrder("endsAt", "registrationClosesAt");
		InvalidInput zone = catchThrowableOfType(InvalidInput.class,
				() -> MeetingRules.check(input("2030-07-01T14:00", "2030-07-01T15:00", "Europe/Exeter", null)));
		assertThat(zone.problems()).extracting(InvalidInput.FieldProblem::field).containsExactly("timeZone");
	}

	@Test
	void makesAnAddressFromTheTitle() {
		assertThat(MeetingRules.slugOf("Codes of Conduct: the lab & beyond!"))
			.isEqualTo("codes-of-conduct-the-lab-beyond");
	}

}
