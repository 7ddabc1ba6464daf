package org.biochemsec2030.platform.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The one shape of errors: what is echoed, and who gets a page. */
class ProblemsTests {

	@Test
	void aValueIsRepeatedOnlyInPart() {
		assertThat(Problems.echo("short")).isEqualTo("short");
		String echoed = Problems.echo("x".repeat(1_000_000));
		assertThat(echoed).hasSize(Problems.ECHO_LENGTH + 1).endsWith("…");
		assertThat(Problems.echo("a\u0000b")).isEqualTo("a\\u0000b");
		// A pair of surrogates is never cut in half.
		assertThat(Problems.echo("x".repeat(59) + "😀" + "y")).isEqualTo("x".repeat(59) + "…");
	}

	@Test
	void invalidInputNamesTheFieldsOnceAndSaysWhatToDoInTheEntries() {
		ProblemDetail problem = Problems.invalid(List.of(new Problems.Field("title", "give the post a title"),
				new Problems.Field("body", "write the body")));
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getDetail()).isEqualTo("Please correct: title, body.");
		assertThat(problem.getProperties().get("errors"))
			.isEqualTo(List.of(Map.of("field", "title", "message", "give the post a title"),
					Map.of("field", "body", "message", "write the body")));
	}

	@Test
	void browsersGetPagesAndEveryoneElseProblems() {
		assertThat(Problems.wantsPage(accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")))
			.isTrue();
		assertThat(Problems.wantsPage(accept("text/html"))).isTrue();
		assertThat(Problems.wantsPage(accept(null))).isFalse();
		assertThat(Problems.wantsPage(accept("*/*"))).isFalse();
		assertThat(Problems.wantsPage(accept("application/json"))).isFalse();
		assertThat(Problems.wantsPage(accept("application/problem+json, text/html;q=0.5"))).isFalse();
		assertThat(Problems.wantsPage(accept("not a media type"))).isFalse();
	}

	@Test
	void anApiAnswersProblemsEvenToABrowser() {
		MockHttpServletRequest request = accept("text/html,application/xhtml+xml,*/*;q=0.8");
		request.setRequestURI("/api/content/v1/posts");
		assertThat(Problems.wantsPage(request)).isFalse();
		MockHttpServletRequest dispatched = accept("text/html");
		dispatched.setRequestURI("/error");
		dispatched.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/api/network/v1/nothing");
		assertThat(Problems.wantsPage(dispatched)).isFalse();
	}

	@Test
	void aNulIsFoundAnywhereInAText() {
		assertThat(Problems.hasNul("a\u0000")).isTrue();
		assertThat(Problems.hasNul("plain")).isFalse();
		assertThat(Problems.hasNul(null)).isFalse();
	}

	@Test
	void theChallengeOfA401NamesNoAddress() {
		assertThat(ProblemResponses
			.challenge(new org.springframework.security.authentication.BadCredentialsException("no token")))
			.isEqualTo("Bearer");
	}

	private static MockHttpServletRequest accept(String accept) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		if (accept != null) {
			request.addHeader("Accept", accept);
		}
		return request;
	}

}
