package org.biochemsec2030.content.admin;

import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.platform.taxonomy.Topic;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.biochemsec2030.content.taxonomy.Taxonomy;

/** What the admin pages show. */
final class AdminViews {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter
		.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	/**
	 * Time zones offered when scheduling; the browser's datetime-local field has none, so
	 * the editor says which one they mean.
	 */
	static final List<String> ZONES = List.of("UTC", "Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Zurich",
			"Europe/Vienna", "Europe/Moscow", "Africa/Nairobi", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore",
			"Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney", "America/Sao_Paulo", "America/New_York",
			"America/Chicago", "America/Los_Angeles");

	private AdminViews() {
	}

	/** What the redirect's {@code ?done=} says on the item's page. */
	private static final Map<String, String> DONE = Map.ofEntries(Map.entry("created", "The draft is saved."),
			Map.entry("saved", "The changes are saved."), Map.entry("submitted", "Submitted for review."),
			Map.entry("published", "Published."), Map.entry("scheduled", "Scheduled."),
			Map.entry("unpublished", "Unpublished."),
			Map.entry("restored", "The old revision is restored as a new one."),
			Map.entry("page-created", "The page is saved and public."),
			Map.entry("page-saved", "The changes are saved and public."), Map.entry("deleted", "The page is deleted."));

	static String time(Instant instant) {
		return (instant != null) ? MINUTE.format(instant) : "";
	}

	static String done(String done) {
		return (done != null) ? DONE.get(done) : null;
	}

	static List<Choice> topicChoices(List<String> checked) {
		return Arrays.stream(Topic.values())
			.map(t -> new Choice(t.slug(), t.label(), checked.contains(t.slug())))
			.toList();
	}

	static List<Choice> regimeChoices(List<String> checked) {
		return Arrays.stream(Regime.values())
			.map(r -> new Choice(r.code(), r.code() + " · " + r.label(),
					checked.stream().anyMatch(r.code()::equalsIgnoreCase)))
			.toList();
	}

	/**
	 * What a list page is about: its heading, where its filter form and new-item link go,
	 * and whether its items have a workflow status to filter by.
	 */
	record Listing(String heading, String current, String base, String newUrl, String newLabel, String stateHeading,
			boolean byStatus, String empty) {

	}

	/** A checkbox of the taxonomy. */
	record Choice(String value, String label, boolean checked) {

	}

	record Row(String title, String status, String updated, String editUrl, String publicUrl) {

	}

	record Pager(String previous, String next) {

	}

	record StatusOption(String value, String label, boolean selected) {

	}

	/** A post's state for its edit page; null for a new post. */
	record Post(String id, String status, String slug, String publicUrl, int headRevision, Integer liveRevision,
			boolean staged, String scheduledAt, String publishedAt, Workflow workflow) {

	}

	/** A mini-post's state for its edit page; null for a new one. */
	record Micro(String id, String status, String publicUrl, String html, String replyTo, String replyToUrl,
			String announces, String scheduledAt, String publishedAt, Workflow workflow) {

	}

	/**
	 * The workflow steps an item's state allows, each a form posting to
	 * {@code <base>/submit}, {@code /publish}, {@code /schedule} or {@code /unpublish}.
	 */
	record Workflow(String base, boolean canSubmit, boolean canPublish, String publishLabel, boolean canSchedule,
			boolean canUnpublish) {

	}

	/** A standing page's facts for its edit page; null for a new one. */
	record StandingPage(String id, String publicUrl, String updatedAt) {

	}

	/** An uploaded image the cover picker offers. */
	record MediaChoice(String url, String label, boolean checked) {

	}

	/** One item waiting for review. */
	record QueueRow(String kind, String title, String waitingSince, String editUrl) {

	}

	record RevisionRow(int number, String title, String createdAt, String createdBy, boolean live,
			String correctionNote, Integer restoredFrom, String diffUrl, String restoreUrl) {

	}

	record DiffLine(String kind, String text) {

	}

	record DiffHunk(int fromLine, int toLine, List<DiffLine> lines) {

	}

}
