package org.biochemsec2030.content.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.biochemsec2030.content.admin.AdminViews.QueueRow;
import org.biochemsec2030.content.micro.EditorialMicroPost;
import org.biochemsec2030.content.micro.MicroPostService;
import org.biochemsec2030.content.post.EditorialPost;
import org.biochemsec2030.content.post.PostService;
import org.biochemsec2030.content.support.Editors;
import org.biochemsec2030.content.support.Status;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import static org.biochemsec2030.content.admin.AdminForms.BASE;

/**
 * The review queue: every post, staged post revision and mini-post submitted for review,
 * longest waiting first, each linking to its editor. Standing pages never wait here: they
 * are public when saved.
 */
@Controller
@PreAuthorize(Editors.ONLY)
class AdminReviewController {

	/** More than a team reviews in a sitting; the page says when the queue is longer. */
	private static final int LIMIT = 200;

	private final PostService posts;

	private final MicroPostService micros;

	AdminReviewController(PostService posts, MicroPostService micros) {
		this.posts = posts;
		this.micros = micros;
	}

	private record Waiting(java.time.Instant since, QueueRow row) {

	}

	@GetMapping(BASE + "/review")
	String queue(Model model) {
		List<Waiting> waiting = new ArrayList<>();
		for (EditorialPost post : this.posts.inReview(LIMIT + 1)) {
			String kind = (post.status() == Status.PUBLISHED) ? "Changes to a published post" : "Post";
			waiting.add(new Waiting(post.updatedAt(),
					new QueueRow(kind, post.title(), AdminViews.time(post.updatedAt()), BASE + "/posts/" + post.id())));
		}
		for (EditorialMicroPost micro : this.micros.inReview(LIMIT + 1)) {
			waiting.add(
					new Waiting(micro.updatedAt(), new QueueRow("Mini-post", AdminMicroController.excerpt(micro.text()),
							AdminViews.time(micro.updatedAt()), BASE + "/micro/" + micro.id())));
		}
		waiting.sort(Comparator.comparing(Waiting::since));
		model.addAttribute("rows", waiting.stream().map(Waiting::row).limit(LIMIT).toList());
		model.addAttribute("more", waiting.size() > LIMIT);
		return "admin/review";
	}

}
