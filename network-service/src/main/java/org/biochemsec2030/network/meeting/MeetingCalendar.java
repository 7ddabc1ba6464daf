package org.biochemsec2030.network.meeting;

import java.net.URI;
import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import org.biochemsec2030.network.support.NetworkProperties;

import org.springframework.stereotype.Component;

/**
 * Meetings as iCalendar (RFC 5545), written with ical4j. Times are in UTC, which every
 * calendar shows in its reader's zone; the UID is the meeting's id, so a calendar that
 * imports the file again updates the entry, and SEQUENCE (raised on every change) tells
 * it which version is newer. A cancelled meeting stays in the feed as STATUS:CANCELLED so
 * that calendars remove it. The online link is never in these public files.
 */
@Component
class MeetingCalendar {

	private final Meetings meetings;

	private final NetworkProperties properties;

	private final String uidDomain;

	MeetingCalendar(Meetings meetings, NetworkProperties properties) {
		this.meetings = meetings;
		this.properties = properties;
		String host = properties.publicUrl().getHost();
		this.uidDomain = (host != null) ? host : "biochemsec2030";
	}

	String one(String slug) {
		return write(List.of(this.meetings.row(slug)));
	}

	String feed() {
		return write(this.meetings.calendarRows());
	}

	private String write(List<MeetingRepository.Row> rows) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Bio-Chemical Security 2030//Network meetings//EN"));
		calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
		calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
		calendar.add(new Method(Method.VALUE_PUBLISH));
		for (MeetingRepository.Row row : rows) {
			calendar.add(event(row));
		}
		return calendar.toString();
	}

	private VEvent event(MeetingRepository.Row row) {
		String page = this.properties.link(Meetings.url(row));
		VEvent event = new VEvent(row.startsAt(), row.endsAt(), row.title());
		// The stamp of the meeting's last change, not of this request: the same version
		// of a meeting gives the same file.
		event.replace(new DtStamp(row.updatedAt()));
		event.add(new Uid("meeting-" + row.id() + "@" + this.uidDomain));
		event.add(new Sequence(row.sequence()));
		event.add(new Status("cancelled".equals(row.status()) ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
		event.add(new Description(row.summary() + "\n\n" + page));
		event.add(new Location(Meetings.location(row)));
		event.add(new Url(URI.create(page)));
		return event;
	}

}
