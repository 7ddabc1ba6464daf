package org.biochemsec2030.publishing.site;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.biochemsec2030.publishing.meeting.MeetingService;
import org.biochemsec2030.publishing.meeting.TreatyMeeting;
import org.biochemsec2030.publishing.paper.Author;
import org.biochemsec2030.publishing.paper.PaperService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Treaty meetings and the papers written for each, with the delegates' pack. */
@Controller
class MeetingsPage {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final MeetingService meetings;

	private final PaperService papers;

	MeetingsPage(MeetingService meetings, PaperService papers) {
		this.meetings = meetings;
		this.papers = papers;
	}

	record Listed(String name, String url, String regime, String when, String place) {

	}

	record MeetingPaper(String title, String url, String series, String authors, String agendaItem) {

	}

	@GetMapping("/meetings")
	String list(Model model) {
		model.addAttribute("meetings", this.meetings.all().stream().map(MeetingsPage::listed).toList());
		return "publishing/meetings";
	}

	@GetMapping("/meetings/{slug}")
	String meeting(@PathVariable String slug, Model model) {
		TreatyMeeting meeting = this.meetings.get(slug);
		List<MeetingPaper> papers = this.papers.forMeeting(slug)
			.stream()
			.map(p -> new MeetingPaper(p.title(), p.url(), p.series(),
					String.join(", ", p.authors().stream().map(Author::name).toList()), p.agendaItem()))
			.toList();
		model.addAttribute("meeting", listed(meeting));
		model.addAttribute("slug", slug);
		model.addAttribute("papers", papers);
		return "publishing/meeting";
	}

	private static Listed listed(TreatyMeeting m) {
		return new Listed(m.name(), m.url(), m.regime(), DAY.format(m.startsOn()) + " to " + DAY.format(m.endsOn()),
				m.place());
	}

}
