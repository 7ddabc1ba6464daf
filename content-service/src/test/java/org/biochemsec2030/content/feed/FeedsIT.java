package org.biochemsec2030.content.feed;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.biochemsec2030.content.Api;
import org.biochemsec2030.content.ContentServiceTest;
import org.biochemsec2030.content.Posts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ContentServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedsIT {

	private static final String SITE = "https://biochemsec2030.example";

	@LocalServerPort
	int port;

	Api reader;

	String genomeSlug;

	String chemicalSlug;

	@BeforeAll
	void publishTwoPosts() {
		Api editor = new Api(this.port, "editor");
		this.reader = editor.anonymous();
		this.genomeSlug = publish(editor, Posts.post("Base editing and the BWC " + Posts.unique(),
				"What base editors change for the convention's S&T review.", "Base editors *rewrite* single letters.",
				List.of("genome-editing"), List.of("BWC"), List.of("base-editing")));
		this.chemicalSlug = publish(editor,
				Posts.post("Automated chemical synthesis and the CWC " + Posts.unique(),
						"Cloud labs and the scheduled chemicals.", "Automation lowers the skill barrier.",
						List.of("chemical-synthesis"), List.of("CWC"), List.of()));
	}

	@Test
	void rssFeedParsesAndLinksEveryPostCanonically() throws Exception {
		Api.Response response = this.reader.get("/feeds/posts.rss");
		assertThat(response.header("Content-Type")).startsWith("application/rss+xml");
		assertThat(response.header("Cache-Control")).contains("max-age=300");
		SyndFeed feed = parse(response.body());
		assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
		assertThat(feed.getLink()).isEqualTo(SITE + "/blog");
		SyndEntry entry = entry(feed, this.genomeSlug);
		assertThat(entry.getTitle()).startsWith("Base editing and the BWC");
		assertThat(entry.getPublishedDate()).isNotNull();
		assertThat(entry.getDescription().getValue())
			.isEqualTo("What base editors change for the convention's S&T review.");
		assertThat(entry.getContents().get(0).getValue()).contains("<em>rewrite</em>");
	}

	@Test
	void atomFeedParsesWithIdsAuthorsAndTopics() throws Exception {
		Api.Response response = this.reader.get("/feeds/posts.atom");
		assertThat(response.header("Content-Type")).startsWith("application/atom+xml");
		SyndFeed feed = parse(response.body());
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getUri()).isEqualTo(SITE + "/feeds/posts.atom");
		SyndEntry entry = entry(feed, this.genomeSlug);
		assertThat(entry.getUri()).isEqualTo(SITE + "/blog/" + this.genomeSlug);
		assertThat(entry.getAuthors()).extracting(a -> a.getName()).containsExactly("editor");
		assertThat(entry.getCategories()).extracting(c -> c.getName()).containsExactly("genome-editing");
		assertThat(entry.getUpdatedDate()).isNotNull();
	}

	@Test
	void topicAndRegimeFeedsHoldOnlyTheirPosts() throws Exception {
		SyndFeed genome = parse(this.reader.get("/feeds/posts.atom?topic=genome-editing").body());
		assertThat(links(genome)).contains(SITE + "/blog/" + this.genomeSlug)
			.doesNotContain(SITE + "/blog/" + this.chemicalSlug);
		assertThat(genome.getTitle()).contains("genome editing");
		SyndFeed cwc = parse(this.reader.get("/feeds/posts.rss?regime=CWC").body());
		assertThat(links(cwc)).contains(SITE + "/blog/" + this.chemicalSlug)
			.doesNotContain(SITE + "/blog/" + this.genomeSlug);
		assertThat(this.reader.get("/feeds/posts.rss?regime=NPT").status()).isEqualTo(400);
	}

	@Test
	void jsonFeedFollowsTheJsonFeedSpec() throws Exception {
		Api.Response response = this.reader.get("/feeds/posts.json?topic=genome-editing");
		assertThat(response.header("Content-Type")).startsWith("application/feed+json");
		JsonNode feed = response.json();
		Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(getClass().getResourceAsStream("/jsonfeed-1.1.schema.json"));
		assertThat(schema.validate(feed)).isEmpty();
		assertThat(feed.path("feed_url").asString()).isEqualTo(SITE + "/feeds/posts.json?topic=genome-editing");
		JsonNode item = feed.path("items")
			.valueStream()
			.filter(i -> i.path("url").asString().endsWith("/" + this.genomeSlug))
			.findFirst()
			.orElseThrow();
		assertThat(item.path("content_html").asString()).contains("<em>rewrite</em>");
		assertThat(item.path("tags").valueStream().map(JsonNode::asString)).contains("genome-editing", "BWC",
				"base-editing");
	}

	@Test
	void theSchemaRejectsAFeedWithoutItems() {
		Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(getClass().getResourceAsStream("/jsonfeed-1.1.schema.json"));
		JsonNode broken = Api.JSON.valueToTree(Map.of("version", "https://jsonfeed.org/version/1.1", "title", "x"));
		assertThat(schema.validate(broken)).isNotEmpty();
	}

	@Test
	void sitemapListsPublishedPostsWithAbsoluteUrls() throws Exception {
		Api.Response response = this.reader.get("/feeds/sitemap.xml");
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document sitemap = factory.newDocumentBuilder().parse(new InputSource(new StringReader(response.body())));
		var locs = sitemap.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
		List<String> urls = new java.util.ArrayList<>();
		for (int i = 0; i < locs.getLength(); i++) {
			urls.add(locs.item(i).getTextContent());
		}
		assertThat(urls).contains(SITE + "/blog", SITE + "/blog/" + this.genomeSlug,
				SITE + "/blog/" + this.chemicalSlug);
	}

	private static String publish(Api editor, Map<String, Object> post) {
		String id = editor.post("/api/content/v1/posts", post).json().path("id").asString();
		return editor.post("/api/content/v1/posts/" + id + "/publish").json().path("slug").asString();
	}

	private static SyndFeed parse(String xml) throws Exception {
		return new SyndFeedInput().build(new StringReader(xml));
	}

	private static SyndEntry entry(SyndFeed feed, String slug) {
		return feed.getEntries()
			.stream()
			.filter(e -> e.getLink().equals(SITE + "/blog/" + slug))
			.findFirst()
			.orElseThrow(() -> new AssertionError(slug + " not in " + links(feed)));
	}

	private static List<String> links(SyndFeed feed) {
		return feed.getEntries().stream().map(SyndEntry::getLink).toList();
	}

}
