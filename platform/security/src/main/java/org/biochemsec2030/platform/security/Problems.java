package org.biochemsec2030.platform.security;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one shape of every error a service answers: an RFC 9457 problem for API clients
 * ({@code application/problem+json}, with {@code errors: [{field, message}]} for invalid
 * fields), the site's error page for browsers. Which one is decided by {@code Accept}
 * alone, so that an API client never has to parse a page and a reader never sees JSON.
 */
public final class Problems {

	/** What a field holding a NUL character (U+0000) is told. */
	public static final String NUL_MESSAGE = "remove the NUL character (U+0000): text cannot contain it";

	/** The longest message about one field (ours, but they may quote a value). */
	static final int MESSAGE_LENGTH = 500;

	/** The longest part of a client's value an answer repeats. */
	public static final int ECHO_LENGTH = 60;

	/**
	 * A problem prepared where an error was found (a filter, an exception handler) for
	 * the error controller to answer with; pages show its detail.
	 */
	public static final String ATTRIBUTE = Problems.class.getName() + ".problem";

	static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	/** One invalid field and what to do about it. */
	public record Field(String field, String message) {

	}

	/**
	 * A client's value as an answer may repeat it: at most {@link #ECHO_LENGTH}
	 * characters, then "…". A 1 MB value is not sent back, and a NUL is shown as such.
	 */
	public static String echo(Object value) {
		return cap(String.valueOf(value).replace("\u0000", "\\u0000"), ECHO_LENGTH);
	}

	/**
	 * Whether a text holds a NUL character, which PostgreSQL refuses in text (and no
	 * person types).
	 */
	public static boolean hasNul(String text) {
		return text != null && text.indexOf('\u0000') >= 0;
	}

	private static String cap(String text, int length) {
		if (text == null || text.length() <= length) {
			return text;
		}
		int end = length;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}

	/**
	 * 400 with one entry per field; the detail names the fields, the entries say what to
	 * do.
	 */
	public static ProblemDetail invalid(List<Field> fields) {
		String names = fields.stream().map(Field::field).distinct().collect(Collectors.joining(", "));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				fields.isEmpty() ? "Please correct the request." : "Please correct: " + names + ".");
		problem.setTitle("Invalid input");
		problem.setProperty("errors",
				fields.stream()
					.map(field -> Map.of("field", echo(field.field()), "message", cap(field.message(), MESSAGE_LENGTH)))
					.toList());
		return problem;
	}

	/**
	 * Whether the client is a browser asking for a page: it names HTML explicitly, before
	 * any JSON type. {@code *}{@code /*} alone (curl, most HTTP libraries) means an API
	 * client.
	 */
	public static boolean wantsPage(HttpServletRequest request) {
		// An API answers problems whatever the client accepts, as the gateway does for
		// /api/:
		// a script in a page sends the browser's Accept too.
		Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
		String path = (original instanceof String uri) ? uri : request.getRequestURI();
		if (path != null && path.startsWith("/api/")) {
			return false;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			List<MediaType> types = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
			// By quality, and in the order sent where qualities are equal.
			types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
			for (MediaType type : types) {
				if (type.isWildcardType()) {
					continue;
				}
				if (type.isCompatibleWith(MediaType.TEXT_HTML)
						|| type.isCompatibleWith(MediaType.APPLICATION_XHTML_XML)) {
					return type.getQualityValue() > 0;
				}
				if ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json")) {
					return false;
				}
			}
			return false;
		}
		catch (RuntimeException ex) {
			// An Accept header that cannot be read is no reason for a second error.
			return false;
		}
	}

	/** Writes a problem as the whole answer, whatever the client said it accepts. */
	public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(PROBLEM_JSON.toString());
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(JSON.writeValueAsString(asMap(problem, request.getRequestURI())));
	}

	/** The members of a problem in RFC 9457 order, with {@code instance} defaulted. */
	static Map<String, Object> asMap(ProblemDetail problem, String path) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", (problem.getType() != null) ? problem.getType().toString() : "about:blank");
		body.put("title", (problem.getTitle() != null) ? problem.getTitle() : reason(problem.getStatus()));
		body.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			body.put("detail", problem.getDetail());
		}
		URI instance = problem.getInstance();
		String where = (instance != null) ? instance.toString() : path;
		if (where != null) {
			body.put("instance", where);
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

	static String reason(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

	/**
	 * The sentence the suite answers for a status when nothing more precise is known:
	 * fixed texts, so that no exception message (which may name internals) leaves the
	 * service.
	 */
	public static String sentence(int status) {
		return switch (status) {
			case 400 -> "The request could not be read: check its parameters, body and encoding.";
			case 401 ->
				"This needs a valid access token from the BioChemSec realm: sign in, or send a fresh bearer token.";
			case 403 -> "You are signed in, but your account does not have the role this needs.";
			case 404 -> "Nothing is found at this address.";
			case 405 -> "This address does not accept this method; the Allow header lists those it does.";
			case 406 -> "This address cannot answer in any of the types the Accept header lists.";
			case 408 -> "The request took too long to arrive. Send it again.";
			case 413 -> "The request is larger than this service accepts. Send less: shorter texts, a smaller file.";
			case 414 -> "The address is too long.";
			case 415 -> "This address does not accept this content type.";
			case 431 -> "The request's headers are too large.";
			case 503 -> "The service cannot answer right now. Try again shortly.";
			default -> (status >= 500) ? "Something went wrong on our side. Try again later."
					: "The request cannot be handled.";
		};
	}

	/** A problem with the fixed sentence of its status. */
	public static ProblemDetail of(int status) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), sentence(status));
		problem.setTitle(reason(status));
		return problem;
	}

}
