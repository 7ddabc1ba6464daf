package org.biochemsec2030.publishing.admin;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.taxonomy.Regime;
import org.biochemsec2030.publishing.meeting.MeetingInput;
import org.biochemsec2030.publishing.meeting.MeetingService;
import org.biochemsec2030.publishing.meeting.TreatyMeeting;
import org.biochemsec2030.publishing.paper.EditorialPaper;
import org.biochemsec2030.publishing.paper.PaperService;
import org.biochemsec2030.publishing.paper.PaperState;
import org.biochemsec2030.publishing.paper.Review;
import org.biochemsec2030.publishing.support.InvalidInput;
import org.biochemsec2030.publishing.support.NotFound;
import org.biochemsec2030.publishing.support.Publishers;
import org.biochemsec2030.publishing.support.WorkflowConflict;
import org.biochemsec2030.platform.pages.FormKeys;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The publishers' admin tool: submissions and their workflow, reviewer assignments, the
 * publication schedule and treaty meetings. Server-rendered forms that need no script,
 * each with the CSRF token the gateway handed over and a key that makes sending it twice
 * harmless ({@link FormKeys}). After a change the browser is sent back to the page with
 * what happened ({@code ?done=}); a form with something to fix comes back (400) with a
 * message beside each field and everything typed; a step the paper's state does not allow
 * comes back explained (409).
 */
@Controller
@RequestMapping(PublishingAdminPages.BASE)
@PreAuthorize(Publishers.ONLY)
class PublishingAdminPages {

	static final String BASE = "/admin/publishing";

	private static final int PAGE_SIZE = 50;

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
			Locale.ENGLISH);

	private static final Map<String, String> DONE = Map.ofEntries(
			Map.entry("created", "The paper is saved as a draft: submit it when it is ready."),
			Map.entry("edited", "The changes are saved."), Map.entry("submit", "The paper is submitted."),
			Map.entry("open-review", "A review round is open: assign its reviewers below."),
			Map.entry("request-revisions", "The round is closed and the authors are asked for revisions."),
			Map.entry("approve", "The round is closed and the version approved: the dual-use review is next."),
			Map.entry("unschedule", "The publication is taken off the schedule."),
			Map.entry("publish", "The paper is published."), Map.entry("assigned", "The reviewer is assigned."),
			Map.entry("reviewed", "The review is recorded."),
			Map.entry("dual-use", "The dual-use decision is recorded."),
			Map.entry("scheduled", "The paper is scheduled."), Map.entry("withdrawn", "The paper is withdrawn."),
			Map.entry("meeting", "The treaty meeting is saved."));

	/** Steps that take nothing but the button (and, for two of them, a note). */
	private static final List<String> PLAIN_STEPS = List.of("submit", "open-review", "request-revisions", "approve",
			"unschedule", "publish");

	private final PaperService papers;

	private final MeetingService meetings;

	private final FormKeys keys;

	private final Validator validator;

	PublishingAdminPages(PaperService papers, MeetingService meetings, FormKeys keys, Validator validator) {
		this.papers = papers;
		this.meetings = meetings;
		this.keys = keys;
		this.validator = validator;
	}

	// --- views ---

	record StateCount(String state, String label, int count, String url) {
	}

	/** A choice of a select: the value sent and what the reader sees. */
	record Option(String value, String label) {

		static <E extends Enum<E>> List<Option> of(E[] values) {
			return Arrays.stream(values)
				.map(v -> new Option(v.name(), capital(v.name().toLowerCase(Locale.ROOT).replace('_', ' '))))
				.toList();
		}

	}

	record StateOption(String value, String label, boolean selected) {
	}

	record PaperRow(String url, String title, String state, int version, String scheduledAt, String publicUrl) {
	}

	record AssignmentRow(String id, String name, String email, String affiliation, String dueOn, boolean overdue,
			String conflict, String recommendation, String comments, String reviewedAt, boolean open) {
	}

	record RoundView(int number, int version, String openedAt, String closedAt, String outcome,
			List<AssignmentRow> assignments) {
	}

	record OpenRow(String paperUrl, String title, String name, String email, String dueOn, boolean overdue,
			String conflict, boolean reviewed) {
	}

	record MeetingRow(String slug, String name, String regime, String dates, String place, String url, String edit) {
	}

	// --- overview and lists ---

	@GetMapping
	String home(Model model) {
		Map<PaperState, Integer> counts = this.papers.countByState();
		model.addAttribute("states", Arrays.stream(PaperState.values())
			.map(s -> new StateCount(slug(s), capital(s.label()), counts.get(s), BASE + "/papers?state=" + slug(s)))
			.toList());
		model.addAttribute("waiting",
				this.papers.openAssignments().stream().filter(o -> o.assignment().reviewedAt() == null).count());
		return "publishing/admin/home";
	}

	@GetMapping("/papers")
	String list(Model model, @RequestParam(required = false) String state, HttpServletResponse response) {
		PaperState filter = null;
		if (state != null && !state.isBlank()) {
			try {
				filter = PaperState.valueOf(state.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
			}
			catch (IllegalArgumentException ex) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute("problem", "There is no state '" + state + "': choose one from the list.");
			}
		}
		PaperState selected = filter;
		model.addAttribute("states",
				Arrays.stream(PaperState.values())
					.map(s -> new StateOption(slug(s), capital(s.label()), s == selected))
					.toList());
		model.addAttribute("selected", (filter != null) ? slug(filter) : "");
		List<EditorialPaper> shown = (model.getAttribute("problem") != null) ? List.of()
				: this.papers.editorial(filter, 0, PAGE_SIZE);
		model.addAttribute("papers", shown.stream().map(PublishingAdminPages::row).toList());
		return "publishing/admin/papers";
	}

	@GetMapping("/reviews")
	String reviews(Model model) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		model.addAttribute("assignments",
				this.papers.openAssignments()
					.stream()
					.map(o -> new OpenRow(BASE + "/papers/" + o.paperId(), o.title(), o.assignment().name(),
							o.assignment().email(), o.assignment().dueOn().toString(),
							o.assignment().reviewedAt() == null && o.assignment().dueOn().isBefore(today),
							o.assignment().conflict(), o.assignment().reviewedAt() != null))
					.toList());
		return "publishing/admin/reviews";
	}

	@GetMapping("/schedule")
	String schedule(Model model) {
		model.addAttribute("scheduled",
				this.papers.editorial(PaperState.SCHEDULED, 0, PAGE_SIZE)
					.stream()
					.sorted(java.util.Comparator.comparing(EditorialPaper::scheduledAt))
					.map(PublishingAdminPages::row)
					.toList());
		model.addAttribute("ready",
				this.papers.editorial(PaperState.CLEARED, 0, PAGE_SIZE)
					.stream()
					.map(PublishingAdminPages::row)
					.toList());
		return "publishing/admin/schedule";
	}

	// --- one paper ---

	@GetMapping("/papers/{id}")
	String paper(Model model, @PathVariable UUID id, @RequestParam(required = false) String done) {
		model.addAttribute("notice", (done != null) ? DONE.get(done) : null);
		return paperPage(model, id, Map.of(), Map.of(), null, FormKeys.draw());
	}

	@PostMapping("/papers/{id}/steps/{step}")
	String step(Model model, @PathVariable UUID id, @PathVariable String step,
			@RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String formKey,
			HttpServletResponse response) {
		if (!PLAIN_STEPS.contains(step)) {
			throw new NotFound("No step " + step + ".");
		}
		String text = note.isBlank() ? null : note.strip();
		return act(model, id, formKey, "steps/" + step, Map.of("note-" + step, note), response, () -> {
			Actor actor = actor();
			switch (step) {
				case "submit" -> this.papers.submit(actor, id);
				case "open-review" -> this.papers.openReview(actor, id);
				case "request-revisions" -> this.papers.requestRevisions(actor, id, text);
				case "approve" -> this.papers.approve(actor, id, text);
				case "unschedule" -> this.papers.unschedule(actor, id);
				default -> this.papers.publish(actor, id);
			}
			return step;
		}, field -> "note-" + step);
	}

	@PostMapping("/papers/{id}/reviewers")
	String assign(Model model, @PathVariable UUID id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String affiliation,
			@RequestParam(defaultValue = "") String reviewerId, @RequestParam(defaultValue = "") String dueOn,
			@RequestParam(defaultValue = "") String formKey, HttpServletResponse response) {
		Map<String, String> typed = Map.of("assign-name", name, "assign-email", email, "assign-affiliation",
				affiliation, "assign-reviewerId", reviewerId, "assign-dueOn", dueOn);
		return act(model, id, formKey, "reviewers", typed, response, () -> {
			Map<String, String> unread = new LinkedHashMap<>();
			LocalDate due = collect(unread,
					() -> date("dueOn", dueOn, "give the date the review is due, e.g. 2030-05-04"));
			Review.AssignInput input = new Review.AssignInput(blank(reviewerId), name.strip(), blank(email),
					blank(affiliation), due);
			validate(input, unread);
			this.papers.assign(actor(), id, input);
			return "assigned";
		}, field -> "assign-" + field);
	}

	@PostMapping("/papers/{id}/reviewers/{assignment}/review")
	String review(Model model, @PathVariable UUID id, @PathVariable UUID assignment,
			@RequestParam(defaultValue = "") String recommendation, @RequestParam(defaultValue = "") String comments,
			@RequestParam(defaultValue = "") String formKey, HttpServletResponse response) {
		String prefix = "review-" + assignment + "-";
		Map<String, String> typed = Map.of(prefix + "recommendation", recommendation, prefix + "comments", comments);
		return act(model, id, formKey, "reviewers/" + assignment, typed, response, () -> {
			Map<String, String> unread = new LinkedHashMap<>();
			Review.ReviewInput input = new Review.ReviewInput(collect(unread, () -> choice("recommendation",
					recommendation, Review.Recommendation.class, "choose the reviewer's recommendation")),
					blank(comments));
			validate(input, unread);
			this.papers.review(actor(), id, assignment, input);
			return "reviewed";
		}, field -> prefix + field);
	}

	@PostMapping("/papers/{id}/dual-use")
	String dualUse(Model model, @PathVariable UUID id, @RequestParam(defaultValue = "") String decision,
			@RequestParam(defaultValue = "") String rationale, @RequestParam(defaultValue = "") String formKey,
			HttpServletResponse response) {
		Map<String, String> typed = Map.of("dualuse-decision", decision, "dualuse-rationale", rationale);
		return act(model, id, formKey, "dual-use", typed, response, () -> {
			Map<String, String> unread = new LinkedHashMap<>();
			Review.DualUseInput input = new Review.DualUseInput(
					collect(unread,
							() -> choice("decision", decision, Review.Decision.class, "decide CLEAR or REVISE")),
					rationale);
			validate(input, unread);
			this.papers.dualUse(actor(), id, input);
			return "dual-use";
		}, field -> "dualuse-" + field);
	}

	/** The time is read as UTC, which the form says. */
	@PostMapping("/papers/{id}/schedule")
	String schedulePaper(Model model, @PathVariable UUID id, @RequestParam(defaultValue = "") String at,
			@RequestParam(defaultValue = "") String formKey, HttpServletResponse response) {
		return act(model, id, formKey, "schedule", Map.of("schedule-at", at), response, () -> {
			Instant when;
			try {
				when = LocalDateTime.parse(at.strip()).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeException ex) {
				throw InvalidInput.of("at",
						"give the date and time (UTC) as the date picker writes them, e.g. 2030-05-04T09:00");
			}
			this.papers.schedule(actor(), id, when);
			return "scheduled";
		}, field -> "schedule-" + field);
	}

	@PostMapping("/papers/{id}/withdraw")
	String withdraw(Model model, @PathVariable UUID id, @RequestParam(defaultValue = "") String notice,
			@RequestParam(defaultValue = "") String formKey, HttpServletResponse response) {
		return act(model, id, formKey, "withdraw", Map.of("withdraw-notice", notice), response, () -> {
			validate(new Review.WithdrawInput(notice), Map.of());
			this.papers.withdraw(actor(), id, notice);
			return "withdrawn";
		}, field -> "withdraw-" + field);
	}

	// --- treaty meetings ---

	@GetMapping("/meetings")
	String meetings(Model model, @RequestParam(required = false) String done,
			@RequestParam(required = false) String edit) {
		Map<String, String> typed = new LinkedHashMap<>();
		if (edit != null) {
			TreatyMeeting m = this.meetings.get(edit);
			typed.putAll(Map.of("slug", m.slug(), "name", m.name(), "regime", m.regime(), "startsOn",
					m.startsOn().toString(), "endsOn", m.endsOn().toString(), "place", m.place()));
		}
		model.addAttribute("notice", (done != null) ? DONE.get(done) : null);
		return meetingsPage(model, typed, Map.of(), FormKeys.draw());
	}

	@PostMapping("/meetings")
	String saveMeeting(Model model, @RequestParam(defaultValue = "") String slug,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String regime,
			@RequestParam(defaultValue = "") String startsOn, @RequestParam(defaultValue = "") String endsOn,
			@RequestParam(defaultValue = "") String place, @RequestParam(defaultValue = "") String formKey,
			HttpServletResponse response) {
		Map<String, String> typed = new LinkedHashMap<>();
		typed.putAll(Map.of("slug", slug, "name", name, "regime", regime, "startsOn", startsOn, "endsOn", endsOn,
				"place", place));
		try {
			return "redirect:" + this.keys.once(formKey, BASE + "/meetings", () -> {
				Map<String, String> unread = new LinkedHashMap<>();
				LocalDate starts = collect(unread,
						() -> date("startsOn", startsOn, "give the first day, e.g. 2026-12-14"));
				LocalDate ends = collect(unread, () -> date("endsOn", endsOn, "give the last day, e.g. 2026-12-16"));
				validate(new MeetingInput(slug.strip(), name.strip(), regime.strip(), starts, ends, place.strip()),
						unread);
				this.meetings.save(actor(),
						new MeetingInput(slug.strip(), name.strip(), regime.strip(), starts, ends, place.strip()));
				return BASE + "/meetings?done=meeting";
			});
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return meetingsPage(model, typed, errors(ex, field -> field), formKey);
		}
	}

	/** An unknown paper, meeting or step, or an address that names none, is not found. */
	@ExceptionHandler({ NotFound.class, MethodArgumentTypeMismatchException.class })
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	// --- helpers ---

	/**
	 * Does one form's work once per key, then sends the browser to the paper's page with
	 * what happened; input to fix (400) or a step the state refuses (409) shows the page
	 * again with the form as sent.
	 */
	private String act(Model model, UUID id, String formKey, String action, Map<String, String> typed,
			HttpServletResponse response, Supplier<String> work, java.util.function.UnaryOperator<String> field) {
		String page = BASE + "/papers/" + id;
		try {
			return "redirect:" + this.keys.once(formKey, page + "/" + action, () -> page + "?done=" + work.get());
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return paperPage(model, id, typed, errors(ex, field), null, formKey);
		}
		catch (WorkflowConflict ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return paperPage(model, id, typed, Map.of(), ex.getMessage(), formKey);
		}
	}

	private String paperPage(Model model, UUID id, Map<String, String> typed, Map<String, String> errors,
			String problem, String formKey) {
		EditorialPaper paper = this.papers.editorial(id);
		PaperState state = PaperState.valueOf(paper.state());
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		List<RoundView> rounds = paper.rounds()
			.stream()
			.map(r -> new RoundView(r.number(), r.version(), shown(r.openedAt()), shown(r.closedAt()), r.outcome(),
					r.assignments()
						.stream()
						.map(a -> new AssignmentRow(a.id().toString(), a.name(), a.email(), a.affiliation(),
								a.dueOn().toString(), a.reviewedAt() == null && a.dueOn().isBefore(today), a.conflict(),
								a.recommendation(), a.comments(), shown(a.reviewedAt()),
								r.closedAt() == null && a.reviewedAt() == null))
						.toList()))
			.toList();
		model.addAttribute("paper", paper);
		model.addAttribute("base", BASE + "/papers/" + id);
		model.addAttribute("stateLabel", capital(state.label()));
		model.addAttribute("steps", paper.steps());
		model.addAttribute("rounds", rounds);
		model.addAttribute("reviewOpen", state == PaperState.IN_REVIEW);
		model.addAttribute("editable", state == PaperState.DRAFT || state == PaperState.REVISIONS);
		model.addAttribute("scheduledAt", shown(paper.scheduledAt()));
		model.addAttribute("publicUrl", (paper.publishedVersion() != null) ? "/papers/" + paper.slug() : null);
		model.addAttribute("history", paper.history());
		model.addAttribute("typed", new LinkedHashMap<>(typed));
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("problem", problem);
		model.addAttribute("formKey", formKey);
		model.addAttribute("recommendations", Option.of(Review.Recommendation.values()));
		model.addAttribute("decisions", Option.of(Review.Decision.values()));
		model.addAttribute("authors",
				String.join("; ",
						paper.working()
							.authors()
							.stream()
							.map(a -> a.name() + ((a.affiliation() != null) ? " (" + a.affiliation() + ")" : ""))
							.toList()));
		return "publishing/admin/paper";
	}

	private String meetingsPage(Model model, Map<String, String> typed, Map<String, String> errors, String formKey) {
		model.addAttribute("meetings",
				this.meetings.all()
					.stream()
					.map(m -> new MeetingRow(m.slug(), m.name(), m.regime(), m.startsOn() + " to " + m.endsOn(),
							m.place(), m.url(), BASE + "/meetings?edit=" + m.slug()))
					.toList());
		model.addAttribute("typed", new LinkedHashMap<>(typed));
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("formKey", formKey);
		model.addAttribute("regimes",
				Arrays.stream(Regime.values()).map(r -> new Option(r.code(), r.code() + " · " + r.label())).toList());
		return "publishing/admin/meetings";
	}

	/**
	 * Checks the input's constraints; with what could not be read at all ({@code unread},
	 * by field, which wins), anything to fix is thrown at once, so every field's message
	 * shows together.
	 */
	private <T> void validate(T input, Map<String, String> unread) {
		Map<String, String> errors = new LinkedHashMap<>(unread);
		for (ConstraintViolation<T> violation : this.validator.validate(input)) {
			errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors.entrySet()
				.stream()
				.map(e -> new InvalidInput.FieldProblem(e.getKey(), e.getValue()))
				.toList());
		}
	}

	private static <T> T collect(Map<String, String> errors, Supplier<T> parse) {
		try {
			return parse.get();
		}
		catch (InvalidInput ex) {
			ex.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
			return null;
		}
	}

	private static LocalDate date(String field, String value, String message) {
		if (value.isBlank()) {
			throw InvalidInput.of(field, message);
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeException ex) {
			throw InvalidInput.of(field, message);
		}
	}

	private static <E extends Enum<E>> E choice(String field, String value, Class<E> type, String message) {
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInput.of(field, message);
		}
	}

	private static Map<String, String> errors(InvalidInput ex, java.util.function.UnaryOperator<String> field) {
		Map<String, String> errors = new LinkedHashMap<>();
		// A message about one item of a field ("regime[0]") stands beside the field.
		ex.problems()
			.forEach(p -> errors.merge(field.apply(p.field().replaceAll("[\\[.].*$", "")), p.message(),
					(a, b) -> a + "; " + b));
		return errors;
	}

	private static PaperRow row(EditorialPaper p) {
		PaperState state = PaperState.valueOf(p.state());
		return new PaperRow(BASE + "/papers/" + p.id(), p.working().title(), capital(state.label()), p.workingVersion(),
				shown(p.scheduledAt()), (p.publishedVersion() != null) ? "/papers/" + p.slug() : null);
	}

	private static String slug(PaperState state) {
		return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static String capital(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String shown(Instant time) {
		return (time != null) ? SHOWN.format(time.atOffset(ZoneOffset.UTC)) : null;
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static Actor actor() {
		return Actor.current().orElseThrow();
	}

}
