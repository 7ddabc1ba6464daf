package org.biochemsec2030.network.meeting;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.biochemsec2030.network.support.InvalidInput;
import org.biochemsec2030.platform.taxonomy.Topic;

/** What makes a meeting acceptable, each rule with the message that says what to do. */
final class MeetingRules {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	private MeetingRules() {
	}

	record Checked(String title, String slug, String summary, String agenda, List<String> speakers, Instant startsAt,
			Instant endsAt, String timeZone, String venue, String onlineUrl, int capacity, Instant registrationClosesAt,
			List<String> topics) {

	}

	static Checked check(MeetingInput input) {
		List<InvalidInput.FieldProblem> problems = new ArrayList<>();
		String title = text(input.title(), "title", "a title", 200, true, problems);
		String slug = (input.slug() != null && !input.slug().isBlank()) ? input.slug().strip() : slugOf(title);
		if (!SLUG.matcher(slug).matches() || slug.length() > 80) {
			problems.add(new InvalidInput.FieldProblem("slug",
					"Use lower-case letters, digits and hyphens (at most 80), or leave it empty to make one from the title"));
		}
		String summary = text(input.summary(), "summary", "a summary", 1000, true, problems);
		String agenda = text(input.agenda(), "agenda", "the agenda", 10000, false, problems);
		List<String> speakers = new ArrayList<>();
		for (String speaker : input.speakers()) {
			if (speaker != null && !speaker.isBlank()) {
				speakers.add(speaker.strip());
			}
		}
		if (speakers.size() > 30 || speakers.stream().anyMatch(s -> s.length() > 200)) {
			problems.add(new InvalidInput.FieldProblem("speakers", "List at most 30 speakers of 200 characters each"));
		}
		ZoneId zone = null;
		try {
			zone = (input.timeZone() != null && !input.timeZone().isBlank()) ? ZoneId.of(input.timeZone().strip())
					: null;
		}
		catch (DateTimeException ex) {
			zone = null;
		}
		if (zone == null || !ZoneId.getAvailableZoneIds().contains(zone.getId())) {
			problems.add(new InvalidInput.FieldProblem("timeZone",
					"Give the IANA time zone of the place, e.g. Europe/London or America/New_York"));
			zone = null;
		}
		Instant starts = time(input.startsAt(), "startsAt", zone, true, problems);
		Instant ends = time(input.endsAt(), "endsAt", zone, true, problems);
		if (starts != null && ends != null && !ends.isAfter(starts)) {
			problems.add(new InvalidInput.FieldProblem("endsAt", "The end must be after the start"));
		}
		Instant closes = time(input.registrationClosesAt(), "registrationClosesAt", zone, false, problems);
		if (closes != null && starts != null && closes.isAfter(starts)) {
			problems.add(new InvalidInput.FieldProblem("registrationClosesAt",
					"Registration must close at the latest when the meeting starts"));
		}
		String venue = text(input.venue(), "venue", "the venue", 300, false, problems);
		String online = (input.onlineUrl() != null) ? input.onlineUrl().strip() : "";
		if (!online.isEmpty()) {
			try {
				URI uri = URI.create(online);
				if (!"https".equals(uri.getScheme()) || uri.getHost() == null || online.length() > 2000) {
					throw new IllegalArgumentException();
				}
			}
			catch (IllegalArgumentException ex) {
				problems
					.add(new InvalidInput.FieldProblem("onlineUrl", "Give the meeting link as an https:// address"));
			}
		}
		if (venue.isEmpty() && online.isEmpty()) {
			problems.add(new InvalidInput.FieldProblem("venue", "Give a venue, an online link, or both"));
		}
		if (input.capacity() == null || input.capacity() < 1 || input.capacity() > 10000) {
			problems.add(new InvalidInput.FieldProblem("capacity", "Give the number of places, from 1 to 10000"));
		}
		Set<String> topics = new LinkedHashSet<>();
		for (String topic : input.topics()) {
			Topic.bySlug(topic)
				.ifPresentOrElse(t -> topics.add(t.slug()), () -> problems.add(new InvalidInput.FieldProblem("topics",
						"Choose topics from the taxonomy ('" + topic + "' is not one of them)")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new Checked(title, slug, summary, agenda, List.copyOf(speakers), starts, ends, zone.getId(),
				venue.isEmpty() ? null : venue, online.isEmpty() ? null : online, input.capacity(),
				(closes != null) ? closes : starts, List.copyOf(topics));
	}

	static String slugOf(String title) {
		String slug = (title == null ? "" : title).toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-+|-+$)", "");
		return (slug.length() > 80) ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
	}

	private static Instant time(String value, String field, ZoneId zone, boolean required,
			List<InvalidInput.FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(new InvalidInput.FieldProblem(field, "Give a date and time like 2027-02-10T14:00"));
			}
			return null;
		}
		try {
			LocalDateTime local = LocalDateTime.parse(value.strip());
			return (zone != null) ? local.atZone(zone).toInstant() : null;
		}
		catch (DateTimeParseException ex) {
			problems.add(new InvalidInput.FieldProblem(field,
					"Give a date and time like 2027-02-10T14:00 (local time where the meeting is held)"));
			return null;
		}
	}

	private static String text(String value, String field, String what, int max, boolean required,
			List<InvalidInput.FieldProblem> problems) {
		String trimmed = (value != null) ? value.strip() : "";
		if (trimmed.isEmpty() && required) {
			problems.add(new InvalidInput.FieldProblem(field, "Give " + what));
		}
		else if (trimmed.length() > max) {
			problems.add(new InvalidInput.FieldProblem(field, "Shorten this to at most " + max + " characters"));
		}
		return trimmed;
	}

}
