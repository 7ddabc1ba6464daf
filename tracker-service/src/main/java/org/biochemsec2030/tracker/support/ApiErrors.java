package org.biochemsec2030.tracker.support;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * This service's own errors of the JSON API as RFC 9457 problems: invalid input with one
 * entry per field, unknown ids, and requests the current state does not allow. Spring's
 * own errors (unreadable bodies, wrong types, unknown paths) get the same shape from
 * platform/security; pages keep the site's error pages.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

	@ExceptionHandler(InvalidInput.class)
	ProblemDetail invalidInput(InvalidInput ex) {
		return ex.asProblem();
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler(Conflict.class)
	ProblemDetail conflict(Conflict ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Not possible in the current state");
		return problem;
	}

}
