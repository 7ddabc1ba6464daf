package org.biochemsec2030.publishing.partner;

import java.util.List;
import java.util.Map;

import org.biochemsec2030.platform.security.outbound.AddressPolicy;
import org.biochemsec2030.platform.taxonomy.Taxonomy;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The partner APIs' errors as RFC 9457 problems, each field with what to do. */
@RestControllerAdvice(assignableTypes = { PartnerApi.class, PartnersAdminApi.class, PartnerEventsApi.class })
class PartnerApiErrors {

	@ExceptionHandler(PartnerEndpoints.InvalidRequest.class)
	ProblemDetail invalid(PartnerEndpoints.InvalidRequest ex) {
		return invalid(ex.problems());
	}

	@ExceptionHandler(PartnerEndpoints.NotFound.class)
	ProblemDetail notFound(PartnerEndpoints.NotFound ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler(AddressPolicy.Refused.class)
	ProblemDetail refusedAddress(AddressPolicy.Refused ex) {
		return invalid(List.of(new Taxonomy.Problem("url", ex.getMessage())));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		return invalid(List.of(new Taxonomy.Problem(ex.getName(),
				"'" + Taxonomy.shownValue(String.valueOf(ex.getValue())) + "' is not a valid value")));
	}

	private static ProblemDetail invalid(List<Taxonomy.Problem> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request cannot be accepted as it is: see errors for what to change.");
		problem.setTitle("Invalid input");
		problem.setProperty("errors",
				problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
		return problem;
	}

}
