package org.biochemsec2030.content.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

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

	static String time(Instant instant) {
		return (instant != null) ? MINUTE.format(instant) : "";
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
			boolean staged, String scheduledAt, String publishedAt, boolean canSubmit, boolean canPublish,
			boolean canSchedule, boolean canUnpublish) {

	}

	record RevisionRow(int number, String title, String createdAt, String createdBy, boolean live,
			String correctionNote, Integer restoredFrom, String diffUrl, String restoreUrl) {

	}

	record DiffLine(String kind, String text) {

	}

	record DiffHunk(int fromLine, int toLine, List<DiffLine> lines) {

	}

}
