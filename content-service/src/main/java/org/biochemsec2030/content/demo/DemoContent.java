package org.biochemsec2030.content.demo;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.biochemsec2030.content.micro.MicroPostInput;
import org.biochemsec2030.content.micro.MicroPostService;
import org.biochemsec2030.content.page.PageInput;
import org.biochemsec2030.content.page.PageService;
import org.biochemsec2030.content.post.PostInput;
import org.biochemsec2030.content.post.PostService;
import org.biochemsec2030.content.support.ContentProperties;
import org.biochemsec2030.platform.security.Actor;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo site's content, written for the project as it is: the first meeting's report,
 * posts on the S&T review, gene synthesis screening and resolution 1540, and a few
 * mini-posts. Loaded through the service facades as {@code system:demo}, so events flow
 * and search sees it like any editor's work; skipped when the about page already exists.
 */
@Component
public class DemoContent {

	private static final Log logger = LogFactory.getLog(DemoContent.class);

	static final Actor DEMO = Actor.system("demo");

	static final String MARKER_PAGE = "about";

	private final PostService posts;

	private final MicroPostService micros;

	private final PageService pages;

	private final ContentProperties properties;

	DemoContent(PostService posts, MicroPostService micros, PageService pages, ContentProperties properties) {
		this.posts = posts;
		this.micros = micros;
		this.pages = pages;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadWhenAskedFor() {
		if (this.properties.demo()) {
			load();
		}
	}

	/** Loads the demo content unless it is there already; true if it loaded it. */
	public synchronized boolean load() {
		if (this.pages.exists(MARKER_PAGE)) {
			return false;
		}
		for (PageInput page : DemoTexts.PAGES) {
			this.pages.create(DEMO, page);
		}
		for (PostInput post : DemoTexts.POSTS) {
			String id = this.posts.create(DEMO, post).id();
			this.posts.publish(DEMO, java.util.UUID.fromString(id), null);
		}
		String first = null;
		for (String text : DemoTexts.MICRO_POSTS) {
			String id = this.micros.create(DEMO, new MicroPostInput(text, null, List.of())).id();
			this.micros.publish(DEMO, java.util.UUID.fromString(id), null);
			if (first == null) {
				first = id;
			}
		}
		String reply = this.micros
			.create(DEMO,
					new MicroPostInput(DemoTexts.REPLY, java.util.UUID.fromString(first),
							List.of("biosafety-biosecurity-policy")))
			.id();
		this.micros.publish(DEMO, java.util.UUID.fromString(reply), null);
		logger.info("Demo content loaded: " + DemoTexts.PAGES.size() + " pages, " + DemoTexts.POSTS.size() + " posts, "
				+ (DemoTexts.MICRO_POSTS.size() + 1) + " mini-posts");
		return true;
	}

}
