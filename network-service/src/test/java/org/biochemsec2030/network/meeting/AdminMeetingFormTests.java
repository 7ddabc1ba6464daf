package org.biochemsec2030.network.meeting;

import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class AdminMeetingFormTests {

	@Test
	void speakersAreOneALineAndACapacityThatIsNoNumberIsLeftForTheRulesToRefuse() {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("speakers", "  Ada Yonath \r\n\r\nFrances Arnold\n");
		fields.add("capacity", "twelve");
		fields.add("topics", "chemical-synthesis");
		MeetingInput input = AdminMeetingForm.input(fields);
		assertThat(input.speakers()).containsExactly("Ada Yonath", "Frances Arnold");
		assertThat(input.capacity()).isNull();
		assertThat(input.title()).isEmpty();
		assertThat(input.topics()).containsExactly("chemical-synthesis");
		fields.set("capacity", " 12 ");
		assertThat(AdminMeetingForm.input(fields).capacity()).isEqualTo(12);
	}

	@Test
	void theZoneListHoldsPlacesPeopleKnowAndUtc() {
		assertThat(AdminMeetingForm.ZONES).contains("Europe/London", "America/New_York", "Asia/Kolkata", "UTC")
			.doesNotContain("SystemV/AST4", "Etc/GMT+5")
			.isSorted();
	}

}
