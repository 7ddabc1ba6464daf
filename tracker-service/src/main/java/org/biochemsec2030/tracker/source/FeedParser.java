package org.biochemsec2030.tracker.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.biochemsec2030.tracker.item.FeedEntry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom with ROME and JSON Feed (1.0, 1.1) with Jackson,
 * telling them apart by their first character rather than by a Content-Type that sites
 * often get wrong. ROME refuses document type declarations, so no entity in a feed can
 * make the parser read files or expand without end.
 */
@Component
class FeedParser {

	/** More entries than any real feed carries; the rest are ignored. */
	static final int MAX_ENTRIES = 500;

	private final JsonMapper json;

	FeedParser(JsonMapper json) {
		this.json = json;
	}

	List<FeedEntry> parse(byte[] body) throws FeedFormatException {
		int first = firstCharacter(body);
		if (first == '{') {
			return jsonFeed(body);
		}
		if (first != '<') {
			throw new FeedFormatException("not a feed: neither XML (RSS, Atom) nor JSON Feed");
		}
		SyndFeed feed;
		try {
			SyndFeedInput input = new SyndFeedInput();
			input.setAllowDoctypes(false);
			feed = input.build(new XmlReader(new ByteArrayInputStream(body)));
		}
		catch (FeedException | IOException | IllegalArgumentException ex) {
			throw new FeedFormatException("not a readable RSS or Atom feed");
		}
		List<FeedEntry> entries = new ArrayList<>();
		for (SyndEntry entry : feed.getEntries()) {
			if (entries.size() == MAX_ENTRIES) {
				break;
			}
			entries.add(new FeedEntry(entry.getUri(), link(entry), entry.getTitle(), summary(entry),
					instant((entry.getPublishedDate() != null) ? entry.getPublishedDate() : entry.getUpdatedDate())));
		}
		return entries;
	}

	private static String link(SyndEntry entry) {
		if (entry.getLink() != null && !entry.getLink().isBlank()) {
			return entry.getLink();
		}
		return entry.getLinks()
			.stream()
			.filter(link -> link.getRel() == null || link.getRel().equals("alternate"))
			.map(SyndLink::getHref)
			.findFirst()
			.orElse(null);
	}

	private static String summary(SyndEntry entry) {
		if (entry.getDescription() != null && entry.getDescription().getValue() != null) {
			return entry.getDescription().getValue();
		}
		return entry.getContents().stream().map(SyndContent::getValue).filter(v -> v != null).findFirst().orElse(null);
	}

	private static Instant instant(Date date) {
		return (date != null) ? date.toInstant() : null;
	}

	private List<FeedEntry> jsonFeed(byte[] body) throws FeedFormatException {
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new FeedFormatException("not readable JSON");
		}
		if (!root.path("version").asString("").startsWith("https://jsonfeed.org/version/1")) {
			throw new FeedFormatException("JSON, but not a JSON Feed (no version https://jsonfeed.org/version/1.x)");
		}
		List<FeedEntry> entries = new ArrayList<>();
		for (JsonNode item : root.path("items")) {
			if (entries.size() == MAX_ENTRIES) {
				break;
			}
			String link = text(item, "url");
			if (link == null) {
				link = text(item, "external_url");
			}
			String summary = text(item, "summary");
			if (summary == null) {
				summary = text(item, "content_html");
			}
			if (summary == null) {
				summary = text(item, "content_text");
			}
			String date = text(item, "date_published");
			entries.add(new FeedEntry(text(item, "id"), link, text(item, "title"), summary,
					date(date != null ? date : text(item, "date_modified"))));
		}
		return entries;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isString() || value.isNumber()) ? value.asString() : null;
	}

	private static Instant date(String value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static int firstCharacter(byte[] body) {
		int i = 0;
		// A UTF-8 byte order mark, then blanks.
		if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
			i = 3;
		}
		while (i < body.length && Character.isWhitespace(body[i])) {
			i++;
		}
		return (i < body.length) ? body[i] : -1;
	}

}
