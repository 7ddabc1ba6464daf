package org.biochemsec2030.content.admin;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.biochemsec2030.content.admin.AdminViews.Choice;
import org.biochemsec2030.content.admin.AdminViews.DiffHunk;
import org.biochemsec2030.content.admin.AdminViews.DiffLine;
import org.biochemsec2030.content.admin.AdminViews.Pager;
import org.biochemsec2030.content.admin.AdminViews.RevisionRow;
import org.biochemsec2030.content.admin.AdminViews.Row;
import org.biochemsec2030.content.admin.AdminViews.StatusOption;
import org.biochemsec2030.content.post.EditorialPost;
import org.biochemsec2030.content.post.PostInput;
import org.biochemsec2030.content.post.PostService;
import org.biochemsec2030.content.post.Revisions;
import org.biochemsec2030.content.render.SafeHtml;
import org.biochemsec2030.content.support.Editors;
import org.biochemsec2030.content.support.InvalidInput;
import org.biochemsec2030.content.support.Paging;
import org.biochemsec2030.content.support.PublicList;
import org.biochemsec2030.content.support.Status;
import org.biochemsec2030.content.support.WorkflowConflict;
import org.biochemsec2030.content.taxonomy.Taxonomy;
import org.biochemsec2030.platform.security.Actor;

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

	static final String BASE = "/admin/content";

	private static final int PAGE_SIZE = 20;

	private static final Map<String, String> DONE = Map.of("created", "The draft is saved.", "saved",
			"The changes are saved as a new revision.", "submitted", "Submitted for review.", "published", "Published.",
			"scheduled", "Scheduled.", "unpublished", "Unpublished.", "restored",
			"The old revision is restored as a new one.");

	private final PostService posts;

	private final SafeHtml safeHtml;

	private final Validator validator;

	AdminContentController(PostService posts, SafeHtml safeHtml, Validator validator) {
		this.posts = posts;
		this.safeHtml = safeHtml;
		this.validator = validator;
	}

	@GetMapping({ BASE, BASE + "/posts" })
	String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "1") int page,
			Model model) {
		Status filter = (status != null && !status.isBlank()) ? Status.parse("status", status) : null;
		PublicList<EditorialPost> list = this.posts.editorial(filter, new Paging(Math.max(page, 1) - 1, PAGE_SIZE));
		List<Row> rows = list.items()
			.stream()
			.map(p -> new Row(p.title(), label(p.status()), AdminViews.time(p.updatedAt()), BASE + "/posts/" + p.id(),
					(p.status() == Status.PUBLISHED) ? p.url() : null))
			.toList();
		String query = (filter != null) ? "?status=" + filter.name().toLowerCase(Locale.ROOT) + "&page=" : "?page=";
		model.addAttribute("rows", rows);
		model.addAttribute("statuses",
				Arrays.stream(Status.values())
					.map(s -> new StatusOption(s.name().toLowerCase(Locale.ROOT), label(s), s == filter))
					.toList());
		model.addAttribute("pager", new Pager((page > 1) ? BASE + query + (page - 1) : null,
				((long) page * PAGE_SIZE < list.total()) ? BASE + query + (page + 1) : null));
		return "admin/list";
	}

	@GetMapping(BASE + "/posts/new")
	String create(Model model) {
		return form(model, null, PostForm.empty(), Map.of(), null, null);
	}

	@PostMapping(BASE + "/posts")
	String create(@ModelAttribute PostForm form, @RequestParam(defaultValue = "save") String action, Model model,
			HttpServletResponse response) {
		if ("preview".equals(action)) {
			return form(model, null, form, Map.of(), preview(form), null);
		}
		Map<String, String> errors = validate(form.input());
		if (errors.isEmpty()) {
			try {
				String id = this.posts.create(actor(), form.input()).id();
				return "redirect:" + BASE + "/posts/" + id + "?done=created";
			}
			catch (InvalidInput ex) {
				errors = errors(ex);
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, null, form, errors, null, null);
	}

	@GetMapping(BASE + "/posts/{id}")
	String edit(@PathVariable UUID id, @RequestParam(required = false) String done, Model model) {
		EditorialPost post = this.posts.editorial(id);
		model.addAttribute("notice", (done != null) ? DONE.get(done) : null);
		return form(model, post, PostForm.of(post), Map.of(), null, null);
	}

	@PostMapping(BASE + "/posts/{id}")
	String update(@PathVariable UUID id, @ModelAttribute PostForm form,
			@RequestParam(defaultValue = "save") String action, Model model, HttpServletResponse response) {
		EditorialPost post = this.posts.editorial(id);
		if ("preview".equals(action)) {
			return form(model, post, form, Map.of(), preview(form), null);
		}
		Map<String, String> errors = validate(form.input());
		if (errors.isEmpty()) {
			try {
				this.posts.update(actor(), id, form.input());
				return "redirect:" + BASE + "/posts/" + id + "?done=saved";
			}
			catch (InvalidInput ex) {
				errors = errors(ex);
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, post, form, errors, null, null);
	}

	@PostMapping(BASE + "/posts/{id}/submit")
	String submit(@PathVariable UUID id, Model model, HttpServletResponse response) {
		return step(id, "submitted", () -> this.posts.submit(actor(), id), model, response);
	}

	@PostMapping(BASE + "/posts/{id}/publish")
	String publish(@PathVariable UUID id, Model model, HttpServletResponse response) {
		return step(id, "published", () -> this.posts.publish(actor(), id, null), model, response);
	}

	@PostMapping(BASE + "/posts/{id}/schedule")
	String schedule(@PathVariable UUID id, @RequestParam(required = false) String at,
			@RequestParam(defaultValue = "UTC") String zone, Model model, HttpServletResponse response) {
		return step(id, "scheduled", () -> this.posts.schedule(actor(), id, when(at, zone)), model, response);
	}

	@PostMapping(BASE + "/posts/{id}/unpublish")
	String unpublish(@PathVariable UUID id, Model model, HttpServletResponse response) {
		return step(id, "unpublished", () -> this.posts.unpublish(actor(), id), model, response);
	}

	@PostMapping(BASE + "/posts/{id}/revisions/{number}/restore")
	String restore(@PathVariable UUID id, @PathVariable int number, Model model, HttpServletResponse response) {
		return step(id, "restored", () -> this.posts.restore(actor(), id, number), model, response);
	}

	@GetMapping(BASE + "/posts/{id}/revisions/diff")
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
		model.addAttribute("editUrl", BASE + "/posts/" + id);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("hunks", hunks);
		return "admin/diff";
	}

	/**
	 * The live preview of the form's script: the Markdown rendered and sanitized exactly
	 * as it will be published.
	 */
	@PostMapping(value = BASE + "/preview", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> preview(@RequestParam(defaultValue = "") String body) {
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(this.safeHtml.markdown(body));
	}

	private String step(UUID id, String done, Runnable work, Model model, HttpServletResponse response) {
		try {
			work.run();
			return "redirect:" + BASE + "/posts/" + id + "?done=" + done;
		}
		catch (WorkflowConflict ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			EditorialPost post = this.posts.editorial(id);
			return form(model, post, PostForm.of(post), Map.of(), null, ex.getMessage());
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			EditorialPost post = this.posts.editorial(id);
			return form(model, post, PostForm.of(post), Map.of(), null,
					ex.problems().stream().map(InvalidInput.FieldProblem::message).findFirst().orElse("Invalid input"));
		}
	}

	private String form(Model model, EditorialPost post, PostForm form, Map<String, String> errors, String preview,
			String problem) {
		model.addAttribute("form", form);
		// A public map type: templates call its methods.
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("preview", preview);
		model.addAttribute("problem", problem);
		model.addAttribute("topicChoices",
				Arrays.stream(Taxonomy.Topic.values())
					.map(t -> new Choice(t.slug(), t.label(), form.topicsOrEmpty().contains(t.slug())))
					.toList());
		model.addAttribute("regimeChoices",
				Arrays.stream(Taxonomy.Regime.values())
					.map(r -> new Choice(r.code(), r.code() + " · " + r.label(),
							form.regimesOrEmpty().stream().anyMatch(r.code()::equalsIgnoreCase)))
					.toList());
		model.addAttribute("zones", AdminViews.ZONES);
		model.addAttribute("action", (post != null) ? BASE + "/posts/" + post.id() : BASE + "/posts");
		model.addAttribute("post", (post != null) ? state(post) : null);
		model.addAttribute("revisions", (post != null) ? revisions(UUID.fromString(post.id())) : List.of());
		return "admin/edit";
	}

	private static AdminViews.Post state(EditorialPost post) {
		Status status = post.status();
		return new AdminViews.Post(post.id(), label(status), post.slug(),
				(status == Status.PUBLISHED) ? post.url() : null, post.headRevision(), post.liveRevision(),
				post.staged(), AdminViews.time(post.scheduledAt()), AdminViews.time(post.publishedAt()),
				status == Status.DRAFT || (status == Status.PUBLISHED && post.staged() && !post.stagedInReview()),
				status != Status.PUBLISHED || post.staged(),
				status == Status.DRAFT || status == Status.IN_REVIEW || status == Status.SCHEDULED,
				status == Status.PUBLISHED || status == Status.SCHEDULED);
	}

	private List<RevisionRow> revisions(UUID id) {
		String base = BASE + "/posts/" + id + "/revisions";
		return this.posts.revisions(id)
			.stream()
			.sorted((a, b) -> Integer.compare(b.number(), a.number()))
			.map(r -> new RevisionRow(r.number(), r.title(), AdminViews.time(r.createdAt()), r.createdBy(), r.live(),
					r.correctionNote(), r.restoredFrom(),
					(r.number() > 1) ? base + "/diff?from=" + (r.number() - 1) + "&to=" + r.number() : null,
					base + "/" + r.number() + "/restore"))
			.toList();
	}

	private String preview(PostForm form) {
		return this.safeHtml.markdown(form.body());
	}

	private Map<String, String> validate(PostInput input) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (ConstraintViolation<PostInput> violation : this.validator.validate(input)) {
			errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
		}
		return errors;
	}

	/** The service's problems by form field ({@code topics[2]} belongs to topics). */
	private static Map<String, String> errors(InvalidInput ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (InvalidInput.FieldProblem problem : ex.problems()) {
			String field = problem.field().replaceAll("[\\[.].*$", "");
			errors.merge(field, problem.message(), (a, b) -> a + "; " + b);
		}
		return errors;
	}

	/** A datetime-local value in the chosen zone, or an explanation of what to fix. */
	private static OffsetDateTime when(String at, String zone) {
		if (at == null || at.isBlank()) {
			throw InvalidInput.of("at", "choose the date and time to publish at");
		}
		try {
			ZoneId zoneId = ZoneId.of(AdminViews.ZONES.contains(zone) ? zone : "UTC");
			return LocalDateTime.parse(at).atZone(zoneId).toOffsetDateTime();
		}
		catch (DateTimeException ex) {
			throw InvalidInput.of("at", "give the date and time as the date picker writes them, e.g. 2030-05-04T09:00");
		}
	}

	private static String label(Status status) {
		String name = status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	private static Actor actor() {
		return Actor.current().orElseThrow();
	}

}
