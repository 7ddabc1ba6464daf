package org.biochemsec2030.publishing.demo;

import java.time.Clock;

import org.biochemsec2030.publishing.PublishingServiceTest;
import org.biochemsec2030.publishing.meeting.MeetingService;
import org.biochemsec2030.publishing.paper.PaperService;
import org.biochemsec2030.publishing.paper.PaperView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data goes through the real workflow, once. */
@PublishingServiceTest
class DemoPapersIT {

	@Autowired
	private PaperService papers;

	@Autowired
	private MeetingService meetings;

	@Autowired
	private Clock clock;

	@Test
	void loadsTwoMeetingsPublishedPapersWithASecondVersionAndOneInReviewOnce() {
		DemoPapers demo = new DemoPapers(this.papers, this.meetings, this.clock);
		demo.load();
		demo.load();
		assertThat(this.meetings.find(DemoPapers.BWC)).isPresent();
		assertThat(this.meetings.find(DemoPapers.CWC)).isPresent();
		assertThat(this.papers.forMeeting(DemoPapers.BWC)).hasSize(2)
			.anySatisfy(paper -> assertThat(paper.versions()).hasSize(2))
			.allSatisfy(paper -> assertThat(paper.seriesNumber()).isNotNull())
			// Its references come as CSL-JSON and as BibTeX, kept alike as CSL-JSON.
			.allSatisfy(paper -> assertThat(paper.references()).extracting(item -> item.get("id"))
				.containsExactly("bcs2030", "bwc2022"))
			.allSatisfy(paper -> assertThat(paper.references().get(1)).containsEntry("type", "report")
				.containsEntry("publisher", "United Nations"));
		assertThat(this.papers.forMeeting(DemoPapers.CWC)).extracting(PaperView::title)
			.containsExactly("Cloud laboratories and the verification of the CWC");
		assertThat(this.papers.editorial(org.biochemsec2030.publishing.paper.PaperState.IN_REVIEW, 0, 50))
			.anySatisfy(paper -> assertThat(paper.working().title()).startsWith("AI-enabled protein design"));
	}

}
