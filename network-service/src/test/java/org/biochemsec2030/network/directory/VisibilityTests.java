package org.biochemsec2030.network.directory;

import org.biochemsec2030.network.directory.Visibility.Viewer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VisibilityTests {

	@Test
	void aPrivateFieldIsShownToNobody() {
		for (Viewer viewer : Viewer.values()) {
			assertThat(Visibility.PRIVATE.shownTo(viewer)).as(viewer.name()).isFalse();
		}
	}

	@Test
	void aFieldForStaffIsShownToStaffOnly() {
		assertThat(Visibility.STAFF.shownTo(Viewer.STAFF)).isTrue();
		assertThat(Visibility.STAFF.shownTo(Viewer.MEMBER)).isFalse();
		assertThat(Visibility.STAFF.shownTo(Viewer.ANYONE)).isFalse();
	}

	@Test
	void aFieldForMembersIsShownToMembersAndStaffButNotToAnyone() {
		assertThat(Visibility.MEMBERS.shownTo(Viewer.MEMBER)).isTrue();
		assertThat(Visibility.MEMBERS.shownTo(Viewer.STAFF)).isTrue();
		assertThat(Visibility.MEMBERS.shownTo(Viewer.ANYONE)).isFalse();
	}

	@Test
	void aPublicFieldIsShownToEveryone() {
		for (Viewer viewer : Viewer.values()) {
			assertThat(Visibility.PUBLIC.shownTo(viewer)).as(viewer.name()).isTrue();
		}
	}

	@Test
	void aQueryForAViewerLooksOnlyAtTheLevelsTheyMaySee() {
		assertThat(Visibility.codesShownTo(Viewer.ANYONE)).containsExactly("public");
		assertThat(Visibility.codesShownTo(Viewer.MEMBER)).containsExactlyInAnyOrder("members", "public");
		assertThat(Visibility.codesShownTo(Viewer.STAFF)).containsExactlyInAnyOrder("staff", "members", "public");
	}

}
