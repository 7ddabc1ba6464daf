package org.biochemsec2030.content.site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What the public pages show, ready to print: every text is escaped by the templates
 * except {@code html} fields, which the render package has already sanitized.
 */
final class SiteViews {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter
		.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private SiteViews() {
	}

	/** A time as the server prints it (UTC) and as {@code <time datetime>} carries it. */
	record When(String text, String iso) {

		static When day(Instant instant) {
			return (instant != null) ? new When(DAY.format(instant), instant.toString()) : null;
		}

		static When minute(Instant instant) {
			return (instant != null) ? new When(MINUTE.format(instant), instant.toString()) : null;
		}

	}

	record Link(String label, String href) {

	}

	/** A {@code <link rel="alternate">} to a feed of what the page lists. */
	record FeedLink(String type, String title, String href) {

	}

	/** Pages of a list, counted from 1 in addresses. */
	record Pager(int page, int pages, String previous, String next) {

		static Pager of(String base, int page, int size, long total) {
			int pages = (int) Math.max(1, (total + size - 1) / size);
			String separator = base.contains("?") ? "&" : "?";
			return new Pager(page, pages, (page > 1) ? base + separator + "page=" + (page - 1) : null,
					(page < pages) ? base + separator + "page=" + (page + 1) : null);
		}

	}

	record PostCard(String title, String summary, String url, When published, List<String> authors, List<Link> topics) {

	}

	/** The blog index or one of its topic, regime or tag pages. */
	record Listing(String title, String eyebrow, String heading, String lead, List<PostCard> posts, Pager pager,
			List<FeedLink> feeds, String canonical) {

	}

	record Correction(String note, When at) {

	}

	/**
	 * One post; {@code jsonLd} is JSON already made safe to sit in a script element.
	 */
	record PostPage(String title, String summary, String html, When published, When updated, List<String> authors,
			List<Link> topics, List<Link> regimes, List<Link> tags, List<Correction> corrections, String canonical,
			String image, String imageAlt, List<FeedLink> feeds, String jsonLd) {

	}

	record MicroCard(String html, String url, When published, List<Link> topics, boolean reply) {

	}

	record MicroStream(List<MicroCard> posts, Pager pager) {

	}

	record MicroThreadPage(MicroCard post, String inReplyTo, List<MicroCard> replies, String canonical) {

	}

	record StandingPage(String title, String html, When updated, String canonical) {

	}

}
