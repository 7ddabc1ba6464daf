package org.biochemsec2030.content.announce;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.biochemsec2030.content.micro.MicroPostService;
import org.biochemsec2030.content.support.ContentProperties;
import org.biochemsec2030.contracts.network.MeetingScheduled;
import org.biochemsec2030.contracts.publishing.PaperPublished;
import org.biochemsec2030.contracts.tracker.DevelopmentPublished;
import org.biochemsec2030.platform.security.Actor;

import org.springframework.stereotype.Component;

/**
 * Drafts a mini-post announcing what other services published, for an editor to review
 * and publish: never published automatically. One draft per upstream item, however often
 * its event arrives.
 */
@Component
class Announcements {

	static final Actor ACTOR = Actor.system("announcements");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK)
		.withZone(ZoneOffset.UTC);

	private final MicroPostService micros;

	private final ContentProperties properties;

	Announcements(MicroPostService micros, ContentProperties properties) {
		this.micros = micros;
		this.properties = properties;
	}

	void paper(PaperPublished paper) {
		String series = (paper.series() != null && !paper.series().isBlank()) ? " (" + paper.series() + ")" : "";
		this.micros.draftAnnouncement(ACTOR, "paper:" + paper.paperId(),
				"New briefing paper: " + paper.title() + series + ". " + link(paper.url()) + hashtags(paper.regimes()),
				paper.topics());
	}

	void meeting(MeetingScheduled meeting) {
		String where = (meeting.location() != null && !meeting.location().isBlank()) ? ", " + meeting.location() : "";
		this.micros.draftAnnouncement(
				ACTOR, "meeting:" + meeting.meetingId(), "Save the date: " + meeting.title() + ", "
						+ DAY.format(meeting.startsAt()) + where + ". Details: " + link(meeting.url()),
				meeting.topics());
	}

	void development(DevelopmentPublished development) {
		this.micros.draftAnnouncement(ACTOR, "development:" + development.developmentId(), "Newly tracked: "
				+ development.title() + ". " + link(development.url()) + hashtags(development.regimes()),
				development.topics());
	}

	private String link(String url) {
		return url.startsWith("/") ? this.properties.absolute(url) : url;
	}

	private static String hashtags(List<String> regimes) {
		if (regimes == null || regimes.isEmpty()) {
			return "";
		}
		return " " + regimes.stream()
			.map(code -> "#" + (Character.isDigit(code.charAt(0)) ? "UNSCR" + code : code))
			.collect(Collectors.joining(" "));
	}

}
