package org.biochemsec2030.tracker.publication;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.platform.taxonomy.Topic;
import org.biochemsec2030.tracker.support.TrackerProperties;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Atom feed of published developments, newest first, at {@code /tracker/feed.atom}
 * (under {@code /tracker/**}, which the gateway routes here). Every entry is the gate's
 * public view, as on the pages: a hazard-flagged development appears with its reviewed
 * public summary only, and no entry carries evidence, measures or the analysts' text
 * beyond what the page shows.
 */
@RestController
class TrackerFeed {

	static final String PATH = "/tracker/feed.atom";

	static final int ENTRIES = 50;

	static final String AUTHOR = "Bio-Chemical Security 2030";

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	// Feed readers poll; a few minutes of caching spares the database and delays a new
	// development by as little.
	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

	private final PublicationService publications;

	private final String publicUrl;

	TrackerFeed(PublicationService publications, TrackerProperties properties) {
		this.publications = publications;
		String url = properties.publicUrl();
		this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	@GetMapping(PATH)
	ResponseEntity<String> atom() {
		return ResponseEntity.ok().contentType(ATOM).cacheControl(CACHE).body(write(feed()));
	}

	private SyndFeed feed() {
		List<PublicDevelopment> latest = this.publications.published()
			.stream()
			.sorted(Comparator.comparing(PublicDevelopment::publishedAt).reversed())
			.limit(ENTRIES)
			.toList();
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType("atom_1.0");
		feed.setTitle("Bio-Chemical Security 2030: developments in science and technology");
		feed.setDescription("Developments in the life and chemical sciences, assessed for the BWC, the CWC and"
				+ " resolution 1540.");
		feed.setLanguage("en");
		feed.setUri(absolute(PATH));
		SyndLink alternate = new SyndLinkImpl();
		alternate.setRel("alternate");
		alternate.setType("text/html");
		alternate.setHref(absolute("/tracker"));
		SyndLink self = new SyndLinkImpl();
		self.setRel("self");
		self.setType("application/atom+xml");
		self.setHref(absolute(PATH));
		feed.setLink(absolute("/tracker"));
		feed.setLinks(List.of(alternate, self));
		Instant newest = latest.stream()
			.map(PublicDevelopment::updatedAt)
			.max(Instant::compareTo)
			.orElse(Instant.EPOCH);
		feed.setPublishedDate(Date.from(newest));
		List<SyndEntry> entries = new ArrayList<>();
		for (PublicDevelopment development : latest) {
			SyndEntry entry = new SyndEntryImpl();
			entry.setTitle(development.title());
			entry.setLink(absolute(development.url()));
			// The id never changes, unlike what a reader might think of as the address.
			entry.setUri("urn:uuid:" + development.id());
			entry.setPublishedDate(Date.from(development.publishedAt()));
			entry.setUpdatedDate(Date.from(development.updatedAt()));
			SyndContent summary = new SyndContentImpl();
			summary.setType("text/plain");
			summary.setValue(development.summary());
			entry.setDescription(summary);
			List<SyndCategory> categories = new ArrayList<>();
			for (String field : development.fields()) {
				categories.add(category(field, Topic.bySlug(field).map(Topic::label).orElse(field)));
			}
			for (String regime : development.regimes()) {
				categories.add(category(regime, Regime.byCode(regime).map(Regime::label).orElse(regime)));
			}
			entry.setCategories(categories);
			// Atom asks every entry for an author: the project, which speaks for its
			// analysts (who are never named to readers).
			SyndPerson author = new SyndPersonImpl();
			author.setName(AUTHOR);
			entry.setAuthors(List.of(author));
			entries.add(entry);
		}
		feed.setEntries(entries);
		return feed;
	}

	private static SyndCategory category(String term, String label) {
		SyndCategory category = new SyndCategoryImpl();
		category.setName(term);
		category.setLabel(label);
		return category;
	}

	private String absolute(String path) {
		return path.startsWith("/") ? this.publicUrl + path : path;
	}

	private static String write(SyndFeed feed) {
		try {
			return new SyndFeedOutput().outputString(feed);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Could not write the tracker's Atom feed", ex);
		}
	}

}
