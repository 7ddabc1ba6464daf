package org.biochemsec2030.platform.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The errors Spring MVC raises itself for a JSON API (unreadable bodies, invalid fields,
 * parameters of the wrong type, refused methods and content types, uploads over the
 * limit) as the suite's problems: invalid input lists each field, values are repeated
 * only in part, and every other detail is a fixed sentence. A browser that asked for a
 * page gets the error page instead. A service's own advice comes first; this one takes
 * what is left.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> multipart(MultipartException ex, WebRequest request) {
		int status = ClientErrors.status(ex).orElse(400);
		return handleExceptionInternal(ex, Problems.of(status), new HttpHeaders(), HttpStatusCode.valueOf(status),
				request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.Field> fields = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			fields.add(new Problems.Field(error.getField(), message(error)));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> fields.add(new Problems.Field(error.getObjectName(), message(error))));
		fields.sort(Comparator.comparing(Problems.Field::field));
		return handleExceptionInternal(ex, Problems.invalid(fields), headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.Field> fields = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach(result -> result.getResolvableErrors()
				.forEach(error -> fields
					.add(new Problems.Field(result.getMethodParameter().getParameterName(), message(error)))));
		return handleExceptionInternal(ex, Problems.invalid(fields), headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex.getPropertyName() != null) ? ex.getPropertyName() : "value";
		return handleExceptionInternal(ex,
				Problems.invalid(List.of(new Problems.Field(field,
						"'" + Problems.echo(ex.getValue()) + "' is not a valid " + expected(ex.getRequiredType())))),
				headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex,
				Problems.invalid(List.of(new Problems.Field(ex.getParameterName(), "give a value"))), headers,
				HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * A body that is not JSON is a 400 with a fixed sentence; a value of the wrong kind
	 * (or a string with a NUL) is a 400 naming its field.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		JacksonException json = jacksonCause(ex);
		ProblemDetail problem;
		if (json instanceof MismatchedInputException mismatch && !json.getPath().isEmpty()) {
			String message;
			if (mismatch instanceof NulRejectingStrings.Refused) {
				message = Problems.NUL_MESSAGE;
			}
			else if (mismatch instanceof InvalidFormatException invalid) {
				message = "'" + Problems.echo(invalid.getValue()) + "' is not a valid "
						+ expected(invalid.getTargetType());
			}
			else {
				message = "give a value of the right kind"
						+ ((mismatch.getTargetType() != null) ? " (" + expected(mismatch.getTargetType()) + ")" : "");
			}
			problem = Problems.invalid(List.of(new Problems.Field(path(json), message)));
		}
		else {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The body could not be read: send one JSON object, encoded in UTF-8.");
			problem.setTitle("Unreadable body");
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Every answer of this advice: the problem, with a fixed sentence unless it lists
	 * fields; for a browser, the error page saying the same.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		ProblemDetail problem = (body instanceof ProblemDetail given) ? given : Problems.of(statusCode.value());
		boolean fields = problem.getProperties() != null && problem.getProperties().containsKey("errors");
		if (!fields && problem.getStatus() != 400) {
			problem.setDetail(Problems.sentence(problem.getStatus()));
		}
		if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
				&& Problems.wantsPage(servlet.getRequest())) {
			return page(servlet.getRequest(), servlet.getResponse(), headers, problem);
		}
		return new ResponseEntity<>(problem, headers, statusCode);
	}

	private static ResponseEntity<Object> page(HttpServletRequest request, HttpServletResponse response,
			HttpHeaders headers, ProblemDetail problem) {
		headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		request.setAttribute(Problems.ATTRIBUTE, problem);
		try {
			response.sendError(problem.getStatus());
		}
		catch (IOException ex) {
			// The client went away.
		}
		return null;
	}

	private static JacksonException jacksonCause(Throwable failure) {
		for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof JacksonException json) {
				return json;
			}
		}
		return null;
	}

	/** {@code title}, {@code coverImage.url}, {@code tags[2]}. */
	private static String path(JacksonException json) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : json.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String message(MessageSourceResolvable error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "check this value";
	}

	static String expected(Class<?> type) {
		if (type == null) {
			return "value";
		}
		return switch (type.getSimpleName()) {
			case "UUID" -> "id (a UUID such as 0b9e7c4e-5f0a-4d0e-9a51-3f3c2a1d7e01)";
			case "Integer", "int", "Long", "long", "Short", "short" -> "whole number";
			case "OffsetDateTime", "Instant", "ZonedDateTime" ->
				"date and time with its offset, e.g. 2030-05-04T09:00:00+01:00";
			case "LocalDate" -> "date, e.g. 2030-05-04";
			case "Boolean", "boolean" -> "true or false";
			default -> type.getSimpleName();
		};
	}

}
