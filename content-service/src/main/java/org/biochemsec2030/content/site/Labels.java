package org.biochemsec2030.content.site;

import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.platform.taxonomy.Topic;
import java.util.List;

import org.biochemsec2030.content.site.SiteViews.Link;
import org.biochemsec2030.content.taxonomy.Taxonomy;

import org.springframework.web.util.UriUtils;

/** Topics, regimes and tags as links to their pages, with the taxonomy's labels. */
final class Labels {

	private Labels() {
	}

	static List<Link> topics(List<String> slugs) {
		return slugs.stream()
			.map(slug -> new Link(Topic.bySlug(slug).map(Topic::label).orElse(slug), "/blog/topics/" + path(slug)))
			.toList();
	}

	static List<Link> regimes(List<String> codes) {
		return codes.stream()
			.map(code -> new Link(Regime.byCode(code).map(Regime::code).orElse(code), "/blog/regimes/" + path(code)))
			.toList();
	}

	static List<Link> tags(List<String> tags) {
		return tags.stream().map(tag -> new Link("#" + tag, "/blog/tags/" + path(tag))).toList();
	}

	static String path(String segment) {
		return UriUtils.encodePathSegment(segment, java.nio.charset.StandardCharsets.UTF_8);
	}

}
