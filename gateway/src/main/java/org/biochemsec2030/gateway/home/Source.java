package org.biochemsec2030.gateway.home;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One section of the home page and the list API it is read from. Turns the service's
 * answer into what the page shows, trusting nothing in it: links must be paths of this
 * site, and all text is escaped by the template.
 */
record Source(String key, String heading, URI api, String moreUrl, String moreLabel, String emptyText,
		String unavailableText, Kind kind) {

	enum Kind {

		/** Posts, papers, developments: a title, a summary and a publication date. */
		ARTICLE,
		/** Mini-posts: their text is the whole entry. */
		MICRO,
		/** Meetings: a start time and a place. */
		MEETING

	}

	/** A path on this site: "/blog/a-post", never "//elsewhere" or "javascript:...". */
	private static final Pattern SITE_PATH = Pattern.compile("/(?![/\\\\])[\\p{Graph}&&[^\\\\]]*");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter
		.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.UK)
		.withZone(ZoneOffset.UTC);

	static Source of(String key, String heading, URI service, String apiPath, String moreUrl, String moreLabel,
			String emptyText, String unavailableText, Kind kind) {
		URI api = URI.create(service.toString().replaceFirst("/+$", "") + apiPath);
		return new Source(key, heading, api, moreUrl, moreLabel, emptyText, unavailableText, kind);
	}

	HomeSection from(PublicList list) {
		List<HomeSection.Entry> entries = (list.items() != null) ? list.items()
			.stream()
			.filter(Objects::nonNull)
			.map(this::entry)
			.filter(entry -> entry.title() != null && !entry.title().isBlank())
			.toList() : List.of();
		if (entries.isEmpty()) {
			return empty();
		}
		return new HomeSection(this.key, this.heading, this.moreUrl, this.moreLabel, HomeSection.State.ITEMS, entries,
				null);
	}

	HomeSection empty() {
		return new HomeSection(this.key, this.heading, this.moreUrl, this.moreLabel, HomeSection.State.EMPTY, List.of(),
				this.emptyText);
	}

	HomeSection unavailable() {
		return new HomeSection(this.key, this.heading, this.moreUrl, this.moreLabel, HomeSection.State.UNAVAILABLE,
				List.of(), this.unavailableText);
	}

	private HomeSection.Entry entry(PublicList.Item item) {
		String title = (this.kind == Kind.MICRO) ? item.text() : item.title();
		Instant when = (this.kind == Kind.MEETING) ? item.startsAt() : item.publishedAt();
		DateTimeFormatter format = (this.kind == Kind.MEETING) ? DATE_TIME : DATE;
		return new HomeSection.Entry(title, sitePath(item.url()), (this.kind == Kind.ARTICLE) ? item.summary() : null,
				(when != null) ? when.toString() : null, (when != null) ? format.format(when) : null,
				(this.kind == Kind.MEETING) ? item.location() : null);
	}

	static String sitePath(String url) {
		return (url != null && SITE_PATH.matcher(url).matches()) ? url : null;
	}

}
