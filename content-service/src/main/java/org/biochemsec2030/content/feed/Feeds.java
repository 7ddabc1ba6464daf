package org.biochemsec2030.content.feed;

import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.platform.taxonomy.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.biochemsec2030.content.micro.MicroPostService;
import org.biochemsec2030.content.page.PageService;
import org.biochemsec2030.content.post.PostService;
import org.biochemsec2030.content.post.PostView;
import org.biochemsec2030.content.support.ContentProperties;
import org.biochemsec2030.content.taxonomy.Taxonomy;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Builds the feeds from the published posts. RSS 2.0 and Atom 1.0 are written by ROME
 * (the full HTML goes in {@code content:encoded} and Atom {@code content}); JSON Feed 1.1
 * and the sitemap are small enough to write directly. Every address is absolute, from the
 * configured public URL.
 */
@Component
class Feeds {

	static final int ENTRIES = 20;

	private final PostService posts;

	private final MicroPostService micros;

	private final PageService pages;

	private final ContentProperties properties;

	private final JsonMapper json;

	Feeds(PostService posts, MicroPostService micros, PageService pages, ContentProperties properties,
			JsonMapper json) {
		this.posts = posts;
		this.micros = micros;
		this.pages = pages;
		this.properties = properties;
		this.json = json;
	}

	String rss(String topic, String regime) {
		return write(syndFeed("rss_2.0", "/feeds/posts.rss", topic, regime));
	}

	String atom(String topic, String regime) {
		return write(syndFeed("atom_1.0", "/feeds/posts.atom", topic, regime));
	}

	String jsonFeed(String topic, String regime) {
		List<PostView> latest = this.posts.latest(ENTRIES, topic, regime);
		Map<String, Object> feed = new LinkedHashMap<>();
		feed.put("version", "https://jsonfeed.org/version/1.1");
		feed.put("title", title(topic, regime));
		feed.put("home_page_url", this.properties.absolute("/blog"));
		feed.put("feed_url", feedUrl("/feeds/posts.json", topic, regime));
		feed.put("description", description());
		feed.put("language", "en");
		List<Map<String, Object>> items = new ArrayList<>();
		for (PostView post : latest) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", post.canonicalUrl());
			item.put("url", post.canonicalUrl());
			item.put("title", post.title());
			item.put("content_html", post.html());
			item.put("summary", post.summary());
			item.put("date_published", post.publishedAt().toString());
			item.put("date_modified", post.updatedAt().toString());
			item.put("authors", post.authors().stream().map(name -> Map.of("name", name)).toList());
			List<String> tags = new ArrayList<>(post.topics());
			tags.addAll(post.regimes());
			tags.addAll(post.tags());
			item.put("tags", tags);
			if (post.coverImage() != null) {
				item.put("image", absolute(post.coverImage().url()));
			}
			items.add(item);
		}
		feed.put("items", items);
		return this.json.writeValueAsString(feed);
	}

	String sitemap() {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		xml.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		url(xml, "/blog", null);
		url(xml, "/micro", null);
		for (PostView post : this.posts.allPublished()) {
			url(xml, post.url(), post.updatedAt());
		}
		for (var page : this.pages.all()) {
			url(xml, page.url(), null);
		}
		for (var micro : this.micros.allPublished()) {
			url(xml, micro.url(), micro.publishedAt());
		}
		return xml.append("</urlset>\n").toString();
	}

	private void url(StringBuilder xml, String path, Instant modified) {
		xml.append("  <url><loc>").append(HtmlUtils.htmlEscape(this.properties.absolute(path))).append("</loc>");
		if (modified != null) {
			xml.append("<lastmod>").append(modified).append("</lastmod>");
		}
		xml.append("</url>\n");
	}

	private SyndFeed syndFeed(String type, String path, String topic, String regime) {
		List<PostView> latest = this.posts.latest(ENTRIES, topic, regime);
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType(type);
		feed.setTitle(title(topic, regime));
		feed.setDescription(description());
		feed.setLanguage("en");
		String self = feedUrl(path, topic, regime);
		feed.setUri(self);
		SyndLink alternate = new SyndLinkImpl();
		alternate.setRel("alternate");
		alternate.setType("text/html");
		alternate.setHref(this.properties.absolute("/blog"));
		SyndLink selfLink = new SyndLinkImpl();
		selfLink.setRel("self");
		selfLink.setHref(self);
		feed.setLink(this.properties.absolute("/blog"));
		feed.setLinks(List.of(alternate, selfLink));
		Instant newest = latest.stream().map(PostView::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
		feed.setPublishedDate(Date.from(newest));
		List<SyndEntry> entries = new ArrayList<>();
		for (PostView post : latest) {
			SyndEntry entry = new SyndEntryImpl();
			entry.setTitle(post.title());
			entry.setLink(post.canonicalUrl());
			entry.setUri(post.canonicalUrl());
			entry.setPublishedDate(Date.from(post.publishedAt()));
			entry.setUpdatedDate(Date.from(post.updatedAt()));
			SyndContent summary = new SyndContentImpl();
			summary.setType("text/plain");
			summary.setValue(post.summary());
			entry.setDescription(summary);
			SyndContent content = new SyndContentImpl();
			content.setType("html");
			content.setValue(post.html());
			entry.setContents(List.of(content));
			List<SyndPerson> authors = new ArrayList<>();
			for (String name : post.authors()) {
				SyndPerson person = new SyndPersonImpl();
				person.setName(name);
				authors.add(person);
			}
			entry.setAuthors(authors);
			List<SyndCategory> categories = new ArrayList<>();
			for (String name : post.topics()) {
				SyndCategory category = new SyndCategoryImpl();
				category.setName(name);
				categories.add(category);
			}
			entry.setCategories(categories);
			entries.add(entry);
		}
		feed.setEntries(entries);
		return feed;
	}

	private static String write(SyndFeed feed) {
		try {
			return new SyndFeedOutput().outputString(feed);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Could not write the " + feed.getFeedType() + " feed", ex);
		}
	}

	private String feedUrl(String path, String topic, String regime) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(this.properties.absolute(path));
		String topicSlug = Taxonomy.topicFilter(topic);
		String regimeCode = Taxonomy.regimeFilter(regime);
		if (topicSlug != null) {
			uri.queryParam("topic", topicSlug);
		}
		if (regimeCode != null) {
			uri.queryParam("regime", regimeCode);
		}
		return uri.build().toUriString();
	}

	private String absolute(String url) {
		return url.startsWith("/") ? this.properties.absolute(url) : url;
	}

	private static String title(String topic, String regime) {
		StringBuilder title = new StringBuilder("Bio-Chemical Security 2030: posts");
		String topicSlug = Taxonomy.topicFilter(topic);
		String regimeCode = Taxonomy.regimeFilter(regime);
		if (topicSlug != null) {
			title.append(" on ").append(Topic.bySlug(topicSlug).orElseThrow().label().toLowerCase());
		}
		if (regimeCode != null) {
			title.append(" (").append(Regime.byCode(regimeCode).orElseThrow().label()).append(")");
		}
		return title.toString();
	}

	private static String description() {
		return "Posts of the Bio-Chemical Security 2030 project on the governance of biological and chemical security.";
	}

}
