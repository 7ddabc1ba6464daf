package org.biochemsec2030.content.site;

import java.util.UUID;

import org.biochemsec2030.content.micro.MicroPostService;
import org.biochemsec2030.content.micro.MicroPostView;
import org.biochemsec2030.content.micro.MicroThread;
import org.biochemsec2030.content.site.SiteViews.MicroCard;
import org.biochemsec2030.content.site.SiteViews.MicroStream;
import org.biochemsec2030.content.site.SiteViews.MicroThreadPage;
import org.biochemsec2030.content.site.SiteViews.Pager;
import org.biochemsec2030.content.site.SiteViews.When;
import org.biochemsec2030.content.support.ContentProperties;
import org.biochemsec2030.content.support.NotFound;
import org.biochemsec2030.content.support.Paging;
import org.biochemsec2030.content.support.PublicList;
import org.biochemsec2030.content.taxonomy.Taxonomy;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The mini-blog: the stream of published mini-posts and one with its thread. */
@Controller
class MicroController {

	static final int PAGE_SIZE = 20;

	private final MicroPostService micros;

	private final ContentProperties properties;

	MicroController(MicroPostService micros, ContentProperties properties) {
		this.micros = micros;
		this.properties = properties;
	}

	@GetMapping("/micro")
	String stream(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String tag, Model model) {
		if (page < 1) {
			throw new NotFound("Pages are counted from 1.");
		}
		PublicList<MicroPostView> list = this.micros.published(new Paging(page - 1, PAGE_SIZE), tag);
		if (page > 1 && list.items().isEmpty()) {
			throw new NotFound("The mini-blog has no page " + page + ".");
		}
		model.addAttribute("stream",
				new MicroStream(list.items().stream().map(MicroController::card).toList(), Pager.of(
						(tag != null && !tag.isBlank()) ? "/micro?tag=" + Labels.path(Taxonomy.tag(tag)) : "/micro",
						page, PAGE_SIZE, list.total())));
		return "site/micro";
	}

	@GetMapping("/micro/{id}")
	String thread(@PathVariable UUID id, Model model) {
		MicroThread thread = this.micros.thread(id);
		String parent = (thread.post().replyTo() != null)
				? this.micros.findPublished(UUID.fromString(thread.post().replyTo()))
					.map(MicroPostView::url)
					.orElse(null)
				: null;
		model.addAttribute("thread",
				new MicroThreadPage(card(thread.post()), parent,
						thread.replies().stream().map(MicroController::card).toList(),
						this.properties.absolute(thread.post().url())));
		return "site/micro-post";
	}

	private static MicroCard card(MicroPostView post) {
		return new MicroCard(post.html(), post.url(), When.minute(post.publishedAt()), Labels.topics(post.topics()),
				post.replyTo() != null);
	}

}
