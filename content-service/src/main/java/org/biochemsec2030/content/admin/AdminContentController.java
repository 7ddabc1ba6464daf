package org.biochemsec2030.content.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.biochemsec2030.content.admin.AdminViews.DiffHunk;
import org.biochemsec2030.content.admin.AdminViews.DiffLine;
import org.biochemsec2030.content.admin.AdminViews.Listing;
import org.biochemsec2030.content.admin.AdminViews.MediaChoice;
import org.biochemsec2030.content.admin.AdminViews.RevisionRow;
import org.biochemsec2030.content.admin.AdminViews.Row;
import org.biochemsec2030.content.admin.AdminViews.Workflow;
import org.biochemsec2030.content.media.MediaService;
import org.biochemsec2030.content.post.EditorialPost;
import org.biochemsec2030.content.post.PostService;
import org.biochemsec2030.content.post.Revisions;
import org.biochemsec2030.content.render.SafeHtml;
import org.biochemsec2030.content.support.Editors;
import org.biochemsec2030.content.support.Status;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import static org.biochemsec2030.content.admin.AdminForms.BASE;
import static org.biochemsec2030.content.admin.AdminForms.actor;
import static org.biochemsec2030.content.admin.AdminForms.label;

/**
 * The editors' tool for blog posts: the list, the form, the workflow buttons and the
 * history. Forms post here (not to the JSON API) and the work goes through the same
 * service facade as the API, as the signed-in editor. Sessions live at the gateway only,
 * so outcomes travel in the redirect's query ({@code ?done=published}), and a form that
 * needs fixing is rendered again with what was typed.
 */
@Controller
@PreAuthorize(Editors.ONLY)
class AdminContentController {

	private static final String POSTS = BASE + "/posts";

	private static final Listing LISTING = new Listing("Posts", "posts", BASE, POSTS + "/new", "New post", "Status",
			true, "No posts here.");

	/** How many of the newest uploads the cover picker offers (and the current cover). */
	private static final int COVER_CHOICES = 24;

	private final PostService posts;

	private final MediaService media;

	private final SafeHtml safeHtml;

	private final Validator validator;

	AdminContentController(PostService posts, MediaService media, SafeHtml safeHtml, Validator validator) {
		this.posts = posts;
		this.media = media;
		this.safeHtml = safeHtml;
		this.validator = validator;
	}

	@GetMapping({ BASE, POSTS })
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "1") int page, Model model, HttpServletResponse response) {
		return AdminForms
			.list(model, LISTING, status, q, page,
					(filter, text, paging) -> AdminForms.rows(this.posts.editorial(filter, text, paging),
							p -> new Row(p.title(), label(p.status()), AdminViews.time(p.updatedAt()),
									POSTS + "/" + p.id(), (p.status() == Status.PUBLISHED) ? p.url() : null)),
					response);
	}

	@GetMapping(POSTS + "/new")
	String create(Model model) {
		return form(model, null, PostForm.empty(), Map.of(), null, null);
	}

	@PostMapping(POSTS)
	String create(@ModelAttribute PostForm form, @RequestParam(defaultValue = "save") String action, Model model,
			HttpServletResponse response) {
		return AdminForms.saveOrPreview(action, () -> this.safeHtml.markdown(form.body()), this.validator, form,
				input -> "redirect:" + POSTS + "/" + this.posts.create(actor(), input).id() + "?done=created",
				PostForm::field, response, (errors, preview) -> form(model, null, form, errors, preview, null));
	}

	@GetMapping(POSTS + "/{id}")
	String edit(@PathVariable UUID id, @RequestParam(required = false) String done, Model model) {
		EditorialPost post = this.posts.editorial(id);
		model.addAttribute("notice", AdminViews.done(done));
		return form(model, post, PostForm.of(post), Map.of(), null, null);
	}

	@PostMapping(POSTS + "/{id}")
	String update(@PathVariable UUID id, @ModelAttribute PostForm form,
			@RequestParam(defaultValue = "save") String action, Model model, HttpServletResponse response) {
		EditorialPost post = this.posts.editorial(id);
		return AdminForms.saveOrPreview(action, () -> this.safeHtml.markdown(form.body()), this.validator, form,
				input -> {
					this.posts.update(actor(), id, input);
					return "redirect:" + POSTS + "/" + id + "?done=saved";
				}, PostForm::field, response, (errors, preview) -> form(model, post, form, errors, preview, null));
	}

	@PostMapping(POSTS + "/{id}/" + AdminForms.Step.PATH)
	String step(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) String at,
			@RequestParam(defaultValue = "UTC") String zone, Model model, HttpServletResponse response) {
		AdminForms.Step chosen = AdminForms.Step.of(step);
		return step(id, chosen.done, () -> {
			switch (chosen) {
				case SUBMIT -> this.posts.submit(actor(), id);
				case PUBLISH -> this.posts.publish(actor(), id, null);
				case SCHEDULE -> this.posts.schedule(actor(), id, AdminForms.when(at, zone));
				case UNPUBLISH -> this.posts.unpublish(actor(), id);
			}
		}, model, response);
	}

	@PostMapping(POSTS + "/{id}/revisions/{number}/restore")
	String restore(@PathVariable UUID id, @PathVariable int number, Model model, HttpServletResponse response) {
		return step(id, "restored", () -> this.posts.restore(actor(), id, number), model, response);
	}

	@GetMapping(POSTS + "/{id}/revisions/diff")
	String diff(@PathVariable UUID id, @RequestParam int from, @RequestParam int to, Model model) {
		EditorialPost post = this.posts.editorial(id);
		Revisions.Diff diff = this.posts.diff(id, from, to);
		List<DiffHunk> hunks = new ArrayList<>();
		for (Revisions.Change change : diff.changes()) {
			List<DiffLine> lines = new ArrayList<>();
			change.fromLines().forEach(line -> lines.add(new DiffLine("removed", line)));
			change.toLines().forEach(line -> lines.add(new DiffLine("added", line)));
			hunks.add(new DiffHunk(change.fromLine(), change.toLine(), lines));
		}
		model.addAttribute("title", post.title());
		model.addAttribute("editUrl", POSTS + "/" + id);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("hunks", hunks);
		return "admin/diff";
	}

	/**
	 * The live preview of the form's script (posts and standing pages): the Markdown
	 * rendered and sanitized exactly as it will be published.
	 */
	@PostMapping(value = BASE + "/preview", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> preview(@RequestParam(defaultValue = "") String body) {
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(this.safeHtml.markdown(body));
	}

	private String step(UUID id, String done, Runnable work, Model model, HttpServletResponse response) {
		return AdminForms.step(POSTS + "/" + id, done, work, response, problem -> {
			EditorialPost post = this.posts.editorial(id);
			return form(model, post, PostForm.of(post), Map.of(), null, problem);
		});
	}

	private String form(Model model, EditorialPost post, PostForm form, Map<String, String> errors, String preview,
			String problem) {
		AdminForms.formPage(model, form, (post != null) ? POSTS + "/" + post.id() : POSTS, errors, problem);
		model.addAttribute("preview", preview);
		model.addAttribute("topicChoices", AdminViews.topicChoices(form.topicsOrEmpty()));
		model.addAttribute("regimeChoices", AdminViews.regimeChoices(form.regimesOrEmpty()));
		model.addAttribute("coverChoices", coverChoices(form));
		model.addAttribute("post", (post != null) ? state(post) : null);
		model.addAttribute("revisions", (post != null) ? revisions(UUID.fromString(post.id())) : List.of());
		return "admin/edit";
	}

	/**
	 * The newest uploads, and the chosen address when it is not among them (an older
	 * upload, or an address typed into the form), so the form shows what was chosen.
	 */
	private List<MediaChoice> coverChoices(PostForm form) {
		String chosen = form.hasCover() ? form.coverImage().strip() : null;
		List<MediaChoice> choices = new ArrayList<>();
		for (MediaService.Uploaded image : this.media.recent(COVER_CHOICES)) {
			choices.add(new MediaChoice(image.url(), "Uploaded " + AdminViews.time(image.uploadedAt()) + ", "
					+ image.width() + " × " + image.height() + " pixels", image.url().equals(chosen)));
		}
		if (chosen != null && choices.stream().noneMatch(MediaChoice::checked)) {
			choices.add(0, new MediaChoice(chosen, "The current choice, " + chosen, true));
		}
		return choices;
	}

	private static AdminViews.Post state(EditorialPost post) {
		Status status = post.status();
		return new AdminViews.Post(post.id(), label(status), post.slug(),
				(status == Status.PUBLISHED) ? post.url() : null, post.headRevision(), post.liveRevision(),
				post.staged(), AdminViews.time(post.scheduledAt()), AdminViews.time(post.publishedAt()),
				new Workflow(POSTS + "/" + post.id(),
						status == Status.DRAFT
								|| (status == Status.PUBLISHED && post.staged() && !post.stagedInReview()),
						status != Status.PUBLISHED || post.staged(),
						post.staged() ? "Publish the changes now" : "Publish now",
						status == Status.DRAFT || status == Status.IN_REVIEW || status == Status.SCHEDULED,
						status == Status.PUBLISHED || status == Status.SCHEDULED));
	}

	private List<RevisionRow> revisions(UUID id) {
		String base = POSTS + "/" + id + "/revisions";
		return this.posts.revisions(id)
			.stream()
			.sorted((a, b) -> Integer.compare(b.number(), a.number()))
			.map(r -> new RevisionRow(r.number(), r.title(), AdminViews.time(r.createdAt()), r.createdBy(), r.live(),
					r.correctionNote(), r.restoredFrom(),
					(r.number() > 1) ? base + "/diff?from=" + (r.number() - 1) + "&to=" + r.number() : null,
					base + "/" + r.number() + "/restore"))
			.toList();
	}

}
