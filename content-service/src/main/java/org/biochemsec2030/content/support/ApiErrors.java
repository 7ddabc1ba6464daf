package org.biochemsec2030.content.support;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * This service's own errors of the JSON API as RFC 9457 problem details (pages keep the
 * site's own error pages). Invalid input lists each field with what to do ({@code errors:
 * [{field, message}]}), so a person can fix the request without reading code. Spring's
 * own errors (unreadable bodies, invalid fields, wrong types, unknown paths) get the same
 * shape from platform/security.
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

	@ExceptionHandler(WorkflowConflict.class)
	ProblemDetail conflict(WorkflowConflict ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Not possible in the current workflow state");
		return problem;
	}

}
