package org.biochemsec2030.tracker.support;

import java.util.List;

import org.biochemsec2030.platform.security.Problems;

import org.springframework.http.ProblemDetail;

/**
 * Input that cannot be accepted, with one message per field saying what to do: a 400
 * problem detail for the API, the form again with the messages for the admin tool.
 */
public class InvalidInput extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInput(List<FieldProblem> problems) {
		super(problems.stream().map(FieldProblem::toString).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
		this.problems = List.copyOf(problems);
	}

	public static InvalidInput of(String field, String message) {
		return new InvalidInput(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	/** The suite's 400 problem listing the fields. */
	public ProblemDetail asProblem() {
		return Problems.invalid(this.problems.stream().map(p -> new Problems.Field(p.field(), p.message())).toList());
	}

	/** One field and what to do about it. */
	public record FieldProblem(String field, String message) {

		@Override
		public String toString() {
			return this.field + ": " + this.message;
		}

	}

}
