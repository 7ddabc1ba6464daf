package org.biochemsec2030.content.search;

import org.biochemsec2030.platform.taxonomy.Topic;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.biochemsec2030.content.micro.MicroPostService;
import org.biochemsec2030.content.micro.MicroPostView;
import org.biochemsec2030.content.page.PageService;
import org.biochemsec2030.content.page.PageView;
import org.biochemsec2030.content.post.PostService;
import org.biochemsec2030.content.post.PostView;
import org.biochemsec2030.content.taxonomy.Taxonomy;
import org.biochemsec2030.platform.search.DocumentType;
import org.biochemsec2030.platform.search.SearchDocument;
import org.biochemsec2030.platform.search.SearchIndex;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * This service's public pages as search documents. The index follows the database: for
 * each change the current public state is read and written (or its document deleted), so
 * a late or repeated event never indexes anything that is no longer public.
 */
@Component
class ContentSearch {

	// content-service's kinds of public page, as search stores and shows them.
	static final DocumentType POST = new DocumentType("post", "Blog post");

	static final DocumentType MICRO = new DocumentType("micro", "Mini-blog post");

	static final DocumentType PAGE = new DocumentType("page", "Page");

	private final SearchIndex index;

	private final PostService posts;

	private final MicroPostService micros;

	private final PageService pages;

	ContentSearch(SearchIndex index, PostService posts, MicroPostService micros, PageService pages) {
		this.index = index;
		this.posts = posts;
		this.micros = micros;
		this.pages = pages;
	}

	// Lookups answer empty rather than throw: an exception inside the consumer's
	// transaction would mark it for rollback and send a plain unpublication to the
	// dead letters.
	void post(String id) {
		this.posts.findPublished(UUID.fromString(id))
			.ifPresentOrElse(post -> this.index.upsert(document(post)), () -> this.index.delete(postId(id)));
	}

	void micro(String id) {
		this.micros.findPublished(UUID.fromString(id))
			.ifPresentOrElse(micro -> this.index.upsert(document(micro)), () -> this.index.delete(microId(id)));
	}

	void page(String slug) {
		this.pages.find(slug)
			.ifPresentOrElse(page -> this.index.upsert(document(page)), () -> this.index.delete(pageId(slug)));
	}

	/** Every public page of this service, read from its database (rebuilds). */
	Stream<SearchDocument> all() {
		List<SearchDocument> documents = new java.util.ArrayList<>();
		this.posts.allPublished().forEach(post -> documents.add(document(post)));
		this.micros.allPublished().forEach(micro -> documents.add(document(micro)));
		this.pages.all().forEach(link -> documents.add(document(this.pages.bySlug(link.slug()))));
		return documents.stream();
	}

	private static SearchDocument document(PostView post) {
		return new SearchDocument(postId(post.id()), POST, post.title(), post.summary(), text(post.html()), post.url(),
				topics(post.topics()), post.regimes(), post.tags(), post.authors(), post.publishedAt(),
				post.updatedAt());
	}

	private static SearchDocument document(MicroPostView micro) {
		String title = (micro.text().length() > 80) ? micro.text().substring(0, 79) + "…" : micro.text();
		return new SearchDocument(microId(micro.id()), MICRO, title, "", micro.text(), micro.url(),
				topics(micro.topics()), List.of(), micro.tags(), List.of(), micro.publishedAt(), micro.publishedAt());
	}

	private static SearchDocument document(PageView page) {
		return new SearchDocument(pageId(page.slug()), PAGE, page.title(), "", text(page.html()), page.url(), List.of(),
				List.of(), List.of(), List.of(), null, page.updatedAt());
	}

	/** Topic labels, the facet values readers see. */
	private static List<String> topics(List<String> slugs) {
		return slugs.stream().flatMap(slug -> Topic.bySlug(slug).stream()).map(Topic::label).toList();
	}

	private static String text(String html) {
		return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ").strip();
	}

	static String postId(String id) {
		return "post-" + id;
	}

	static String microId(String id) {
		return "micro-" + id;
	}

	static String pageId(String slug) {
		return "page-" + slug;
	}

}
