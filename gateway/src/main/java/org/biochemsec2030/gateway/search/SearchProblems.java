package org.biochemsec2030.gateway.search;

import java.net.URI;

import org.biochemsec2030.platform.search.InvalidSearchQueryException;
import org.biochemsec2030.platform.search.SearchUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What the search API answers when it cannot give results: RFC 9457 problem details that
 * tell the caller what to change (400) or to come back later (503), never an exception's
 * text.
 */
@RestControllerAdvice(assignableTypes = SearchApiController.class)
class SearchProblems {

	private static final Logger logger = LoggerFactory.getLogger(SearchProblems.class);

	/** A short wait: search outages are usually a restarting node. */
	private static final String RETRY_AFTER_SECONDS = "10";

	@ExceptionHandler(InvalidSearchQueryException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidSearchQueryException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setType(URI.create("/problems/invalid-search-parameter"));
		problem.setTitle("Invalid search parameter");
		problem.setProperty("parameter", ex.parameter());
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler(SearchUnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(SearchUnavailableException ex) {
		logger.warn("Site search unavailable: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"Search is unavailable at the moment; the rest of the site works. Please try again shortly.");
		problem.setType(URI.create("/problems/search-unavailable"));
		problem.setTitle("Search unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
