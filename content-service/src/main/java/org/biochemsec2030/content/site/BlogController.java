package org.biochemsec2030.content.site;

import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.platform.taxonomy.Topic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.biochemsec2030.content.post.PostService;
import org.biochemsec2030.content.post.PostSummary;
import org.biochemsec2030.content.post.PostView;
import org.biochemsec2030.content.site.SiteViews.Correction;
import org.biochemsec2030.content.site.SiteViews.FeedLink;
import org.biochemsec2030.content.site.SiteViews.Listing;
import org.biochemsec2030.content.site.SiteViews.Pager;
import org.biochemsec2030.content.site.SiteViews.PostCard;
import org.biochemsec2030.content.site.SiteViews.PostPage;
import org.biochemsec2030.content.site.SiteViews.When;
import org.biochemsec2030.content.support.ContentProperties;
import org.biochemsec2030.content.support.NotFound;
import org.biochemsec2030.content.support.Paging;
import org.biochemsec2030.content.support.PublicList;
import org.biochemsec2030.content.taxonomy.Taxonomy;
import org.biochemsec2030.platform.security.Problems;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The blog as readers see it: the index, a topic's, a regime's or a tag's posts, and one
 * post with what search engines and link previews read (canonical address, Open Graph,
 * JSON-LD).
 */
@Controller
class BlogController {

	static final int PAGE_SIZE = 10;

	private static final String SITE = "Bio-Chemical Security 2030";

	private final PostService posts;

	private final ContentProperties properties;

	private final JsonMapper json;

	BlogController(PostService posts, ContentProperties properties, JsonMapper json) {
		this.posts = posts;
		this.properties = properties;
		this.json = json;
	}

	@GetMapping("/blog")
	String index(@RequestParam(defaultValue = "1") int page, Model model) {
		return listing(model, page, "/blog", null, null, null, "Blog", null, "Blog",
				"Analysis and news on biological and chemical security, the regimes that govern it and the technologies that change it.");
	}

	@GetMapping("/blog/topics/{topic}")
	String topic(@PathVariable String topic, @RequestParam(defaultValue = "1") int page, Model model) {
		Topic known = Topic.bySlug(topic)
			.orElseThrow(() -> new NotFound("No topic has the slug '" + Problems.echo(topic) + "'."));
		return listing(model, page, "/blog/topics/" + known.slug(), known.slug(), null, null, known.label(), "Topic",
				known.label(), "Posts on " + known.label().toLowerCase(java.util.Locale.ENGLISH) + ".");
	}

	@GetMapping("/blog/regimes/{regime}")
	String regime(@PathVariable String regime, @RequestParam(defaultValue = "1") int page, Model model) {
		Regime known = Regime.byCode(regime)
			.orElseThrow(() -> new NotFound("No regime has the code '" + Problems.echo(regime) + "'."));
		return listing(model, page, "/blog/regimes/" + Labels.path(known.code()), null, known.code(), null,
				known.code(), "Regime", known.label(), "Posts about the " + known.label() + ".");
	}

	@GetMapping("/blog/tags/{tag}")
	String tag(@PathVariable String tag, @RequestParam(defaultValue = "1") int page, Model model) {
		String normalized = Taxonomy.tag(tag);
		if (normalized.isEmpty()) {
			throw new NotFound("'" + Problems.echo(tag) + "' is not a tag.");
		}
		return listing(model, page, "/blog/tags/" + Labels.path(normalized), null, null, normalized, "#" + normalized,
				"Tag", "#" + normalized, "Posts tagged " + normalized + ".");
	}

	@GetMapping("/blog/{slug}")
	String post(@PathVariable String slug, Model model) {
		PostView post = this.posts.publishedBySlug(slug);
		String image = (post.coverImage() != null) ? absolute(post.coverImage().url()) : null;
		model.addAttribute("post", new PostPage(post.title(), post.summary(), post.html(), When.day(post.publishedAt()),
				post.updatedAt().isAfter(post.publishedAt()) ? When.day(post.updatedAt()) : null, post.authors(),
				Labels.topics(post.topics()), Labels.regimes(post.regimes()), Labels.tags(post.tags()),
				post.corrections().stream().map(c -> new Correction(c.note(), When.day(c.correctedAt()))).toList(),
				post.canonicalUrl(), image, (post.coverImage() != null) ? post.coverImage().alt() : null,
				feeds(null, null), jsonLd(post, image)));
		return "site/post";
	}

	private String listing(Model model, int page, String base, String topic, String regime, String tag, String title,
			String eyebrow, String heading, String lead) {
		if (page < 1) {
			throw new NotFound("Pages are counted from 1.");
		}
		PublicList<PostSummary> list = this.posts.published(new Paging(page - 1, PAGE_SIZE), topic, regime, tag);
		if (page > 1 && list.items().isEmpty()) {
			throw new NotFound("The list has no page " + page + ".");
		}
		List<PostCard> cards = list.items()
			.stream()
			.map(p -> new PostCard(p.title(), p.summary(), p.url(), When.day(p.publishedAt()), p.authors(),
					Labels.topics(p.topics())))
			.toList();
		String canonical = this.properties.absolute((page > 1) ? base + "?page=" + page : base);
		model.addAttribute("listing", new Listing(title, eyebrow, heading, lead, cards,
				Pager.of(base, page, PAGE_SIZE, list.total()), feeds(topic, regime), canonical));
		return "site/blog";
	}

	/** The site's feeds, or the topic's or regime's own when the page lists one. */
	private static List<FeedLink> feeds(String topic, String regime) {
		String query = (topic != null) ? "?topic=" + Labels.path(topic)
				: (regime != null) ? "?regime=" + Labels.path(regime) : "";
		String name = (topic != null) ? " · " + Topic.bySlug(topic).orElseThrow().label()
				: (regime != null) ? " · " + regime : "";
		return List.of(new FeedLink("application/rss+xml", "Blog (RSS)" + name, "/feeds/posts.rss" + query),
				new FeedLink("application/atom+xml", "Blog (Atom)" + name, "/feeds/posts.atom" + query),
				new FeedLink("application/feed+json", "Blog (JSON Feed)" + name, "/feeds/posts.json" + query));
	}

	/**
	 * The post as a schema.org {@code BlogPosting}. It sits in a script element, where
	 * {@code </script>} in a title would end the element early: every {@code <} is
	 * written as its JSON escape, which leaves the data as it is.
	 */
	private String jsonLd(PostView post, String image) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("@context", "https://schema.org");
		data.put("@type", "BlogPosting");
		data.put("headline", post.title());
		if (post.summary() != null && !post.summary().isBlank()) {
			data.put("description", post.summary());
		}
		data.put("datePublished", post.publishedAt().toString());
		data.put("dateModified", post.updatedAt().toString());
		data.put("author", post.authors().stream().map(name -> Map.of("@type", "Person", "name", name)).toList());
		data.put("publisher", Map.of("@type", "Organization", "name", SITE, "url", this.properties.absolute("/")));
		data.put("mainEntityOfPage", post.canonicalUrl());
		data.put("url", post.canonicalUrl());
		if (image != null) {
			data.put("image", image);
		}
		if (!post.tags().isEmpty()) {
			data.put("keywords", String.join(", ", post.tags()));
		}
		return this.json.writeValueAsString(data)
			.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026");
	}

	private String absolute(String url) {
		return url.startsWith("/") ? this.properties.absolute(url) : url;
	}

}
