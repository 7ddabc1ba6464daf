package org.biochemsec2030.content.admin;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.biochemsec2030.content.admin.AdminViews.Listing;
import org.biochemsec2030.content.admin.AdminViews.Pager;
import org.biochemsec2030.content.admin.AdminViews.Row;
import org.biochemsec2030.content.admin.AdminViews.StatusOption;
import org.biochemsec2030.content.support.InvalidInput;
import org.biochemsec2030.content.support.Paging;
import org.biochemsec2030.content.support.PublicList;
import org.biochemsec2030.content.support.Status;
import org.biochemsec2030.content.support.TextFilter;
import org.biochemsec2030.content.support.WorkflowConflict;
import org.biochemsec2030.platform.security.Actor;

import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the admin pages of posts, mini-posts and standing pages do alike: lists with a
 * status filter, a text search and pages that stay in the URL; saving a form and showing
 * it again with a message beside each field; workflow steps whose refusal is explained on
 * the item's page.
 */
final class AdminForms {

	static final String BASE = "/admin/content";

	static final int PAGE_SIZE = 20;

	/** Form field names are the input's, up to the first index or nested property. */
	static final UnaryOperator<String> FIELD = field -> field.replaceAll("[\\[.].*$", "");

	private AdminForms() {
	}

	/** A form as the browser sent it: the input it makes and what it could not read. */
	interface Form<T> {

		T input();

		/** Fields the browser sent that make no input (a number that is not one...). */
		default List<InvalidInput.FieldProblem> problems() {
			return List.of();
		}

	}

	/** One page of a list, filtered as the query asks. */
	interface Source {

		PublicList<Row> rows(Status status, String text, Paging paging);

	}

	/**
	 * Fills {@code admin/list}: the filter form with what was asked, the rows and links
	 * to the pages before and after that keep the filter. A filter that cannot be used
	 * gives the page with the message and no rows (400).
	 */
	static String list(Model model, Listing listing, String status, String q, int page, Source source,
			HttpServletResponse response) {
		int number = Math.max(page, 1);
		model.addAttribute("listing", listing);
		model.addAttribute("q", (q != null) ? q : "");
		model.addAttribute("problem", null);
		Status filter = null;
		try {
			filter = (listing.byStatus() && status != null && !status.isBlank()) ? Status.parse("status", status)
					: null;
			String text = TextFilter.parse("q", q);
			PublicList<Row> rows = source.rows(filter, text, new Paging(number - 1, PAGE_SIZE));
			model.addAttribute("rows", rows.items());
			model.addAttribute("pager",
					new Pager((number > 1) ? listUrl(listing.base(), filter, text, number - 1) : null,
							((long) number * PAGE_SIZE < rows.total())
									? listUrl(listing.base(), filter, text, number + 1) : null));
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", firstMessage(ex));
			model.addAttribute("rows", List.of());
			model.addAttribute("pager", new Pager(null, null));
		}
		Status selected = filter;
		model.addAttribute("statuses",
				listing.byStatus() ? Arrays.stream(Status.values())
					.map(s -> new StatusOption(s.name().toLowerCase(Locale.ROOT), label(s), s == selected))
					.toList() : null);
		return "admin/list";
	}

	/** A page of items as rows of the list. */
	static <T> PublicList<Row> rows(PublicList<T> list, Function<T, Row> row) {
		return new PublicList<>(list.items().stream().map(row).toList(), list.page(), list.size(), list.total());
	}

	/**
	 * A page of a list with its filters. The values go in as URI variables, which are
	 * encoded strictly: an editor's {@code &}, {@code +} or {@code =} stays in the text.
	 */
	static String listUrl(String base, Status status, String text, int page) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(base);
		Map<String, Object> values = new LinkedHashMap<>();
		if (status != null) {
			url.queryParam("status", "{status}");
			values.put("status", status.name().toLowerCase(Locale.ROOT));
		}
		if (text != null) {
			url.queryParam("q", "{q}");
			values.put("q", text);
		}
		values.put("page", page);
		return url.queryParam("page", "{page}").encode().buildAndExpand(values).toUriString();
	}

	/** A form page shown again: with messages by field, or with the body's preview. */
	interface FormPage {

		String show(Map<String, String> errors, String preview);

	}

	/**
	 * The "Preview" button ({@code action=preview}) shows the form with {@code preview}
	 * rendered; any other button saves as {@link #save} does.
	 */
	static <T> String saveOrPreview(String action, java.util.function.Supplier<String> preview, Validator validator,
			Form<T> form, Function<T, String> work, UnaryOperator<String> field, HttpServletResponse response,
			FormPage page) {
		if ("preview".equals(action)) {
			return page.show(Map.of(), preview.get());
		}
		return save(validator, form, work, field, response, errors -> page.show(errors, null));
	}

	/**
	 * Checks the form, then does {@code work} (which answers the redirect); anything to
	 * fix gives {@code again} the messages by field, with the status 400.
	 */
	static <T> String save(Validator validator, Form<T> form, Function<T, String> work, UnaryOperator<String> field,
			HttpServletResponse response, Function<Map<String, String>, String> again) {
		Map<String, String> errors = new LinkedHashMap<>();
		form.problems().forEach(problem -> errors.putIfAbsent(problem.field(), problem.message()));
		T input = form.input();
		for (ConstraintViolation<T> violation : validator.validate(input)) {
			errors.putIfAbsent(field.apply(violation.getPropertyPath().toString()), violation.getMessage());
		}
		if (errors.isEmpty()) {
			try {
				return work.apply(input);
			}
			catch (InvalidInput ex) {
				for (InvalidInput.FieldProblem problem : ex.problems()) {
					errors.merge(field.apply(problem.field()), problem.message(), (a, b) -> a + "; " + b);
				}
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return again.apply(errors);
	}

	/**
	 * The workflow steps of posts and mini-posts, each a form posting to
	 * {@code <item>/<path>}; {@code done} is what the redirect says happened.
	 */
	enum Step {

		SUBMIT("submitted"), PUBLISH("published"), SCHEDULE("scheduled"), UNPUBLISH("unpublished");

		/** The path variable of the step's mapping: one of the steps, in lower case. */
		static final String PATH = "{step:submit|publish|schedule|unpublish}";

		final String done;

		Step(String done) {
			this.done = done;
		}

		static Step of(String path) {
			return valueOf(path.toUpperCase(Locale.ROOT));
		}

	}

	/**
	 * A workflow step: back to the item's page saying what happened, or the page again
	 * explaining why the step is not possible (409) or what to fix (400).
	 */
	static String step(String edit, String done, Runnable work, HttpServletResponse response,
			Function<String, String> again) {
		try {
			work.run();
			return "redirect:" + edit + "?done=" + done;
		}
		catch (WorkflowConflict ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return again.apply(ex.getMessage());
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return again.apply(firstMessage(ex));
		}
	}

	/**
	 * What every form page shows: the form as sent, where it posts to, messages by field,
	 * the notice of the redirect (already in the model) or a problem, and the zones to
	 * schedule in.
	 */
	static void formPage(Model model, Object form, String action, Map<String, String> errors, String problem) {
		// A public map type: templates call its methods.
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("problem", problem);
		model.addAttribute("form", form);
		model.addAttribute("action", action);
		model.addAttribute("zones", AdminViews.ZONES);
	}

	/** A datetime-local value in the chosen zone, or an explanation of what to fix. */
	static OffsetDateTime when(String at, String zone) {
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

	static String firstMessage(InvalidInput ex) {
		return ex.problems().stream().map(InvalidInput.FieldProblem::message).findFirst().orElse("Invalid input");
	}

	static String label(Status status) {
		String name = status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	static Actor actor() {
		return Actor.current().orElseThrow();
	}

}
