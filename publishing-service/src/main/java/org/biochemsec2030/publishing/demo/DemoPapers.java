package org.biochemsec2030.publishing.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.publishing.meeting.MeetingInput;
import org.biochemsec2030.publishing.meeting.MeetingService;
import org.biochemsec2030.publishing.paper.Author;
import org.biochemsec2030.publishing.paper.ChangeNote;
import org.biochemsec2030.publishing.paper.EditorialPaper;
import org.biochemsec2030.publishing.paper.PaperInput;
import org.biochemsec2030.publishing.paper.PaperService;
import org.biochemsec2030.publishing.paper.Review;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo data for {@code ./bcs up} ({@code BCS_DEMO=true}): two treaty meetings, three
 * published papers (one in its second version) and one in review, written through the
 * same service calls staff use, so events, search and numbering follow as in real use.
 * Loaded once: a second start finds the meetings and adds nothing.
 */
@Component
@ConditionalOnBooleanProperty(name = "bcs.publishing.demo")
public class DemoPapers {

	private static final Log logger = LogFactory.getLog(DemoPapers.class);

	static final String BWC = "bwc-msp-2026";

	static final String CWC = "cwc-csp-31";

	private final PaperService papers;

	private final MeetingService meetings;

	private final Clock clock;

	DemoPapers(PaperService papers, MeetingService meetings, Clock clock) {
		this.papers = papers;
		this.meetings = meetings;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	public void load() {
		if (this.meetings.find(BWC).isPresent()) {
			return;
		}
		Actor demo = Actor.system("demo");
		this.meetings.save(demo,
				new MeetingInput(BWC, "Meeting of States Parties to the Biological Weapons Convention 2026", "BWC",
						LocalDate.of(2026, 12, 14), LocalDate.of(2026, 12, 16), "Geneva"));
		this.meetings.save(demo, new MeetingInput(CWC,
				"Thirty-first Session of the Conference of the States Parties to the Chemical Weapons Convention",
				"CWC", LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 27), "The Hague"));
		EditorialPaper screening = publish(demo, paper("Gene synthesis screening and the BWC's S&T review", BWC,
				List.of("synthetic-biology", "biosafety-biosecurity-policy"), List.of("BWC"),
				"Screening of synthetic DNA orders is the most mature bottom-up safeguard the life sciences have."));
		publish(demo,
				paper("Benchtop DNA synthesisers: what export controls can and cannot do", BWC,
						List.of("synthetic-biology"), List.of("BWC", "1540"),
						"Desktop devices move synthesis from providers to laboratories; controls must follow."));
		publish(demo,
				paper("Cloud laboratories and the verification of the CWC", CWC,
						List.of("chemical-synthesis", "detection-verification"), List.of("CWC"),
						"Remote, automated chemistry changes what inspectors need to see."));
		UUID id = UUID.fromString(screening.id());
		this.papers.newVersion(demo, id, new ChangeNote(List.of("Section 2 covers the 2026 screening framework"),
				"A common screening framework was adopted after the first version.", List.of()));
		this.papers.update(demo, id, paper("Gene synthesis screening and the BWC's S&T review", BWC,
				List.of("synthetic-biology", "biosafety-biosecurity-policy"), List.of("BWC"),
				"Screening of synthetic DNA orders, now under a common framework, is the most mature bottom-up safeguard."));
		publish(demo, screening.id());
		EditorialPaper inReview = this.papers.create(demo,
				paper("AI-enabled protein design and Article I of the BWC", BWC, List.of("ai-enabled-design"),
						List.of("BWC"), "Design tools lower barriers; the general purpose criterion still holds."));
		this.papers.submit(demo, UUID.fromString(inReview.id()));
		this.papers.openReview(demo, UUID.fromString(inReview.id()));
		this.papers.assign(demo, UUID.fromString(inReview.id()),
				new Review.AssignInput(null, "Dr Alex Reviewer", null, "University of Bath", today().plusDays(14)));
		logger.info("Demo papers and treaty meetings loaded");
	}

	private EditorialPaper publish(Actor demo, PaperInput input) {
		return publish(demo, this.papers.create(demo, input).id());
	}

	private EditorialPaper publish(Actor demo, String paperId) {
		UUID id = UUID.fromString(paperId);
		this.papers.submit(demo, id);
		this.papers.openReview(demo, id);
		Review.Assignment reviewer = this.papers.assign(demo, id,
				new Review.AssignInput(null, "Prof. Sam Referee", null, "University of Bristol", today().plusDays(7)));
		this.papers.review(demo, id, reviewer.id(),
				new Review.ReviewInput(Review.Recommendation.ACCEPT, "Clear and useful for delegations."));
		this.papers.approve(demo, id, null);
		this.papers.dualUse(demo, id, new Review.DualUseInput(Review.Decision.CLEAR,
				"Policy analysis only: no methods, sequences or protocols."));
		return this.papers.publish(demo, id);
	}

	private LocalDate today() {
		return this.clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
	}

	private static PaperInput paper(String title, String meeting, List<String> topics, List<String> regimes,
			String abstractText) {
		String body = """
				## The development

				%s[^1]

				## Why it matters for the conventions

				| Question | Where the convention answers it |
				|---|---|
				| Is the activity prohibited? | The general purpose criterion (Article I) |
				| What must states do? | National implementation (Article IV) |

				## What states parties could do

				Share national practice, support bottom-up safeguards, and keep the science and technology review
				informed by those who work at the bench.

				[^1]: Drawn from the project's tracking of developments in science and technology.
				""".formatted(abstractText);
		return new PaperInput(title, abstractText, body,
				List.of(new Author("Dr Jane Researcher", "University of Bath", "0000-0002-1825-0097", null),
						new Author("Dr Omar Analyst", "King's College London", null, null)),
				topics, regimes, List.of(), null, meeting, "Review of developments in science and technology",
				List.of(), null,
				List.of(Map.of("id", "bcs2030", "type", "report", "title",
						"Bio-Chemical Security 2030: tracking developments", "author",
						List.of(Map.of("literal", "Bio-Chemical Security 2030")), "issued",
						Map.of("date-parts", List.of(List.of(2026))))),
				"""
						@techreport{bwc2022,
						  author = {{Meeting of the States Parties to the Biological Weapons Convention}},
						  title = {Report of the Meeting of States Parties},
						  institution = {United Nations},
						  number = {BWC/MSP/2022/7},
						  year = {2022}
						}
						""");
	}

}
